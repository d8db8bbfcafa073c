package io.newsmonitor.ingest.text;

import static com.github.pemistahl.lingua.api.Language.ARABIC;
import static com.github.pemistahl.lingua.api.Language.CHINESE;
import static com.github.pemistahl.lingua.api.Language.DANISH;
import static com.github.pemistahl.lingua.api.Language.DUTCH;
import static com.github.pemistahl.lingua.api.Language.ENGLISH;
import static com.github.pemistahl.lingua.api.Language.FRENCH;
import static com.github.pemistahl.lingua.api.Language.GERMAN;
import static com.github.pemistahl.lingua.api.Language.GREEK;
import static com.github.pemistahl.lingua.api.Language.HEBREW;
import static com.github.pemistahl.lingua.api.Language.HINDI;
import static com.github.pemistahl.lingua.api.Language.INDONESIAN;
import static com.github.pemistahl.lingua.api.Language.ITALIAN;
import static com.github.pemistahl.lingua.api.Language.JAPANESE;
import static com.github.pemistahl.lingua.api.Language.KOREAN;
import static com.github.pemistahl.lingua.api.Language.POLISH;
import static com.github.pemistahl.lingua.api.Language.PORTUGUESE;
import static com.github.pemistahl.lingua.api.Language.RUSSIAN;
import static com.github.pemistahl.lingua.api.Language.SPANISH;
import static com.github.pemistahl.lingua.api.Language.SWEDISH;
import static com.github.pemistahl.lingua.api.Language.THAI;
import static com.github.pemistahl.lingua.api.Language.TURKISH;
import static com.github.pemistahl.lingua.api.Language.UKRAINIAN;
import static com.github.pemistahl.lingua.api.Language.VIETNAMESE;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of an article's text, by Lingua's n-gram models restricted to the languages of the news we watch.
 *
 * <p>Lingua rather than Tika or Optimaize: by its published benchmarks the most accurate JVM detector on short texts (titles,
 * leads), maintained, with its models in the jar (no download at run time); restricting it to the languages we watch keeps both
 * its errors and its memory down. Low-accuracy mode reads trigrams only: measured on JDK 25 with these 23 languages, all models
 * take 21 MB of heap and 0.6 s to load, against 475 MB and 3.6 s in high-accuracy mode, and it stays reliable on article text.
 */
public final class LanguageDetection {

  /** Fewer letters than this is a title or a caption at best: too little to tell related languages apart. */
  static final int MIN_LETTERS = 20;
  /**
   * The title and the lead: past that, more text adds time, not certainty. Detection time grows with the sample (one
   * look-up per distinct trigram and candidate language): at 2,000 characters it was most of ingest's CPU, and at 600
   * still a quarter of a pushed article's (see docs/benchmarks.md). Lingua's author gives 120 characters as the length
   * above which low-accuracy mode is about as accurate as the full models; 300 is more than twice that, two or three
   * sentences of news prose, and every lead of LanguageDetectionTests is shorter.
   */
  static final int MAX_CHARS = 300;
  // Lingua answers UNKNOWN unless the best language leads the next by this much: below it, "not confident".
  private static final double MIN_RELATIVE_DISTANCE = 0.05;
  // A language outside this set is read as its nearest neighbour in it (Catalan as Spanish). Languages with a script of their own
  // (Greek, Hebrew, Hindi, Thai) cost nothing until such text comes: Lingua recognises the script before it loads a model.
  private static final Language[] LANGUAGES = {ENGLISH, FRENCH, GERMAN, SPANISH, ITALIAN, PORTUGUESE, DUTCH, RUSSIAN, CHINESE, JAPANESE,
      KOREAN, ARABIC, UKRAINIAN, POLISH, TURKISH, SWEDISH, DANISH, INDONESIAN, VIETNAMESE, GREEK, HEBREW, HINDI, THAI};

  private LanguageDetection() {
  }

  /** ISO 639-1 code of the language of {@code text} ({@code en}, {@code fr}), or empty when the text is too short or ambiguous. */
  public static Optional<String> detect(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // Normalising a whole long article only to keep its start would cost more than the detection.
    String sample = TextNormalizer.normalizeLine(text.length() > 2 * MAX_CHARS ? text.substring(0, 2 * MAX_CHARS) : text);
    if (sample.length() > MAX_CHARS) {
      sample = sample.substring(0, MAX_CHARS);
    }
    // Han, kana and hangul carry a word in one or two letters; the threshold is for alphabets.
    long letters = sample.codePoints().filter(Character::isLetter).count();
    boolean ideographic = sample.codePoints().anyMatch(LanguageDetection::isIdeographic);
    if (letters < (ideographic ? MIN_LETTERS / 4 : MIN_LETTERS)) {
      return Optional.empty();
    }
    Language language = Holder.DETECTOR.detectLanguageOf(sample);
    return language == Language.UNKNOWN ? Optional.empty() : Optional.of(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
  }

  private static boolean isIdeographic(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /** Built on first use (the JVM's class initialisation makes that thread-safe); Lingua loads each language's models when first needed. */
  private static final class Holder {
    static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
        .withLowAccuracyMode()
        .withMinimumRelativeDistance(MIN_RELATIVE_DISTANCE)
        .build();
  }
}
