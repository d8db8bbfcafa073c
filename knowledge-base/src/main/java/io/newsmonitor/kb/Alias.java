package io.newsmonitor.kb;

import static java.util.Objects.requireNonNull;

/**
 * One wording of a knowledge-base entry, as written in the knowledge-base file.
 *
 * @param text the wording, e.g. {@code Japan’s} or {@code Pillar Two}; matched after {@link TextNormalizer normalisation}
 *     (curly quotes, NBSP, {@code Ⅱ} …), on whole words only
 * @param caseSensitive true when the wording only counts in exactly this case: {@code US} is the United States, {@code us}
 *     is a pronoun
 * @param condition when this wording counts, on top of its entry's condition: {@code Georgia} needs Caucasus context and
 *     must not sit near Atlanta; {@link Condition#NONE} for most wordings
 */
public record Alias(String text, boolean caseSensitive, Condition condition) {

  public Alias {
    requireNonNull(text, "text");
    requireNonNull(condition, "condition");
    if (text.isBlank()) {
      throw new IllegalArgumentException("blank alias");
    }
  }

  /** A wording without a condition of its own. */
  public Alias(String text, boolean caseSensitive) {
    this(text, caseSensitive, Condition.NONE);
  }

  /** A wording that matches in any case. */
  public static Alias of(String text) {
    return new Alias(text, false);
  }

  /** A wording that matches in exactly this case only. */
  public static Alias caseSensitive(String text) {
    return new Alias(text, true);
  }
}
