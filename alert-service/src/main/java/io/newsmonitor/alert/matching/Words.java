package io.newsmonitor.alert.matching;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The words of a text exactly as {@link TextSearch} sees them: maximal runs of letters, digits and {@code _}, and the two
 * ways it compares them. A phrase or prefix is compared code point by code point the way a case-insensitive Unicode regex
 * does ({@link #fold}); words near each other are compared lower-cased as whole strings ({@link #lower}), which differs
 * for a few characters (dotted capital I, final sigma), so an article offers both forms.
 */
public final class Words {

  private Words() {
  }

  /** Every maximal run of {@code [\p{L}\p{N}_]} in {@code text}, in order; nothing for null. */
  public static void forEach(String text, Consumer<String> action) {
    forEachSpan(text, (start, end) -> action.accept(text.substring(start, end)));
  }

  /** Where a word is: {@code [start, end)}. */
  @FunctionalInterface
  interface SpanAction {
    void accept(int start, int end);
  }

  /** The offsets of every word of {@code text}, as {@link #forEach} gives them. */
  static void forEachSpan(String text, SpanAction action) {
    if (text == null) {
      return;
    }
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      if (isWordChar(codePoint)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        action.accept(start, i);
        start = -1;
      }
      i += Character.charCount(codePoint);
    }
    if (start >= 0) {
      action.accept(start, text.length());
    }
  }

  /** Whether {@code text} is one word: not empty, word characters only. */
  static boolean isOneWord(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (!isWordChar(codePoint)) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }

  /** Whether {@code codePoint} is in {@code [\p{L}\p{N}_]}. */
  public static boolean isWordChar(int codePoint) {
    if (codePoint < 128) {
      return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z') || (codePoint >= '0' && codePoint <= '9') || codePoint == '_';
    }
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** The case folding of {@code Pattern.CASE_INSENSITIVE | UNICODE_CASE}: each code point upper-cased, then lower-cased. */
  public static String fold(String word) {
    if (isAscii(word)) {
      // Both foldings agree on ASCII, and the library's is the faster.
      return word.toLowerCase(Locale.ROOT);
    }
    StringBuilder folded = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); ) {
      int codePoint = word.codePointAt(i);
      folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(codePoint)));
      i += Character.charCount(codePoint);
    }
    return folded.toString();
  }

  /** The comparison {@link TextSearch#near} makes: the whole word lower-cased. */
  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  static boolean isAscii(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
