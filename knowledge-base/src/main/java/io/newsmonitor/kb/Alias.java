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
 * @param alsoFirstName the wording is also a first name ({@code Chad}, {@code Jordan}): in an article whose body has it right
 *     before a capitalised word ({@code Chad Whitaker}, {@code Jordan Bardella}), it names that person, not the entry
 * @param alsoSurname the wording is also a surname ({@code Washington}): in an article whose body has it right after a
 *     capitalised word ({@code Denzel Washington}), it names that person, not the entry
 */
public record Alias(String text, boolean caseSensitive, Condition condition, boolean alsoFirstName, boolean alsoSurname) {

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

  /** A wording that is no one's name. */
  public Alias(String text, boolean caseSensitive, Condition condition) {
    this(text, caseSensitive, condition, false, false);
  }

  /** True when the wording only counts under a condition of its own or as long as no person bears it. */
  public boolean isGuarded() {
    return !condition.isNone() || alsoFirstName || alsoSurname;
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
