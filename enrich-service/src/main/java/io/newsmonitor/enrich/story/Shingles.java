package io.newsmonitor.enrich.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word shingles of an article: runs of {@link #SIZE} consecutive words of the normalised title and body. Normalised
 * so that what an outlet's copy desk changes (case, accents, curly quotes, punctuation, line breaks) does not count.
 */
public final class Shingles {

  /** Words per shingle: three is long enough that unrelated texts share few, short enough that light edits keep most. */
  public static final int SIZE = 3;

  private Shingles() {
  }

  /** The shingles of a title and body, each as its words joined by a space; a text shorter than a shingle is one. */
  public static Set<String> of(String title, String body) {
    List<String> words = words(title + "\n" + body);
    if (words.isEmpty()) {
      return Set.of();
    }
    if (words.size() <= SIZE) {
      return Set.of(String.join(" ", words));
    }
    Set<String> shingles = new LinkedHashSet<>();
    for (int start = 0; start + SIZE <= words.size(); start++) {
      shingles.add(String.join(" ", words.subList(start, start + SIZE)));
    }
    return shingles;
  }

  /**
   * The words of a text: runs of letters and digits ({@code \\p{L}}, {@code \\p{N}}), lower case, without accents (the
   * combining marks of the decomposed text are dropped, so "é" is "e" and the word goes on). One pass over the code points:
   * two regular expressions (drop the marks, split on the rest) took 7 % of the service's CPU.
   */
  static List<String> words(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int codePoint = folded.codePointAt(i);
      i += Character.charCount(codePoint);
      switch (Character.getType(codePoint)) {
        case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {
          // An accent: the letter it decorates is already in the word.
        }
        case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
             Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER ->
            word.appendCodePoint(codePoint);
        default -> {
          if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
          }
        }
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }
}
