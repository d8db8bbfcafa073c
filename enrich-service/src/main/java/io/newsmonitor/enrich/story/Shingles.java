package io.newsmonitor.enrich.story;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word shingles of an article: runs of {@link #SIZE} consecutive words of the normalised title and body. Normalised
 * so that what an outlet's copy desk changes (case, accents, curly quotes, punctuation, line breaks) does not count.
 */
public final class Shingles {

  /** Words per shingle: three is long enough that unrelated texts share few, short enough that light edits keep most. */
  public static final int SIZE = 3;

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

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

  /** The words of a text: letters and digits, lower case, without accents. */
  static List<String> words(String text) {
    String folded = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    return Arrays.stream(NOT_A_WORD.split(folded)).filter(word -> !word.isEmpty()).toList();
  }
}
