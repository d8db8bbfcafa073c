package io.newsmonitor.ingest.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Unicode and whitespace clean-up shared by every way an article comes in: NFC, NBSP and friends to spaces, runs collapsed. */
public final class TextNormalizer {

  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n|\\u2028|\\u2029");

  private TextNormalizer() {
  }

  /**
   * {@code text} in NFC, without invisible or control characters, every run of whitespace (line breaks too) one space, trimmed.
   *
   * <p>One pass over the characters: every line of every article goes through here, and the two regular expressions
   * this replaces (with the same meaning, TextNormalizerTests holds them as the specification) were 6 % of the CPU of a
   * pushed article.
   */
  public static String normalizeLine(String text) {
    if (text == null) {
      return "";
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder line = new StringBuilder(nfc.length());
    boolean spaceDue = false;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (isSpace(c)) {
        spaceDue = !line.isEmpty();
      } else if (!isInvisible(c)) {
        if (spaceDue) {
          line.append(' ');
          spaceDue = false;
        }
        line.append(c);
      }
    }
    return line.toString();
  }

  // The regex [\s\p{Z}]: \s alone misses NBSP (U+00A0), the narrow NBSP (U+202F) and the other Unicode space separators.
  private static boolean isSpace(char c) {
    return switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
      default -> c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    };
  }

  // Zero-width space and a stray byte-order mark carry nothing and break word matching downstream; other control
  // characters (those that are not white space) are debris in plain text, and JSON would write each as a six-byte escape.
  private static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\uFEFF' || Character.getType(c) == Character.CONTROL;
  }

  /** A title as hashed and published: one normalised line. */
  public static String normalizeTitle(String title) {
    return normalizeLine(title);
  }

  /** The lines of {@code text} (any line-break convention), each normalised; blank lines become empty strings. */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : LINE_BREAK.split(text == null ? "" : text, -1)) {
      lines.add(normalizeLine(line));
    }
    return lines;
  }

  /**
   * A body as plain text: lines normalised, leading and trailing blank lines gone, and paragraphs separated by exactly
   * one blank line, whether the source put blank lines between them or one paragraph per line.
   */
  public static String normalizeBody(String body) {
    return joinParagraphs(lines(body));
  }

  /** The non-empty {@code lines}, one paragraph each, separated by one blank line. */
  public static String joinParagraphs(List<String> lines) {
    return String.join("\n\n", lines.stream().filter(line -> !line.isEmpty()).toList());
  }
}
