package io.newsmonitor.ingest.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Unicode and whitespace clean-up shared by every way an article comes in: NFC, NBSP and friends to spaces, runs collapsed. */
public final class TextNormalizer {

  // \s alone misses NBSP (U+00A0), the narrow NBSP (U+202F) and the other Unicode space separators (\p{Z}).
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  // Zero-width space and a stray byte-order mark carry nothing and break word matching downstream; other control
  // characters are debris in plain text (and JSON would write each as a six-byte escape).
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF]|[\\p{Cc}&&[^\\s]]");
  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n|\\u2028|\\u2029");

  private TextNormalizer() {
  }

  /** {@code text} in NFC, without invisible or control characters, every run of whitespace (line breaks too) one space, trimmed. */
  public static String normalizeLine(String text) {
    if (text == null) {
      return "";
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
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
