package io.newsmonitor.kb;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The text normalisation shared by tagging and term resolution, so that a wording found in an article and the same wording
 * typed in a rule meet: curly apostrophes and quotes become straight ones, dashes become {@code -}, every run of white space
 * (NBSP included) becomes one space, invisible characters (soft hyphen, zero-width space) go, and compatibility characters
 * are folded by NFKC ({@code Ⅱ} → {@code II}, full-width letters → ASCII). {@link Normalized#folded()} is the same text in
 * lower case, for case-insensitive matching.
 *
 * <p>Every character of the normalised text remembers the span of the original text it came from, so a match found in the
 * normalised text maps back to UTF-16 offsets of the original.
 */
public final class TextNormalizer {

  private TextNormalizer() {
  }

  /** Normalises {@code original}, keeping the way back to its offsets. */
  public static Normalized normalize(String original) {
    return new Builder(original).build();
  }

  /** Builds a {@link Normalized} into plain arrays: this runs on every character of every article. */
  private static final class Builder {

    private final String original;
    private char[] text;
    private char[] folded;
    private int[] starts;
    private int[] ends;
    private int count;

    Builder(String original) {
      this.original = original;
      int capacity = original.length() + 8;
      this.text = new char[capacity];
      this.folded = new char[capacity];
      this.starts = new int[capacity];
      this.ends = new int[capacity];
    }

    Normalized build() {
      int length = original.length();
      int spaceStart = -1;
      int spaceEnd = -1;
      for (int i = 0; i < length; ) {
        char c = original.charAt(i);
        int cp = Character.isHighSurrogate(c) ? original.codePointAt(i) : c;
        int end = i + Character.charCount(cp);
        if (isSpace(cp)) {
          if (spaceStart < 0) {
            spaceStart = i;
          }
          spaceEnd = end;
        } else if (!isInvisible(cp)) {
          if (spaceStart >= 0) {
            append(' ', ' ', spaceStart, spaceEnd);
            spaceStart = -1;
          }
          if (cp < 0x80) {
            // Most of the text: kept as is, without the lookup and the string that other characters need.
            append(c, c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c, i, end);
          } else {
            String mapped = map(cp);
            String foldedMapped = fold(mapped);
            for (int k = 0; k < mapped.length(); k++) {
              append(mapped.charAt(k), foldedMapped.charAt(k), i, end);
            }
          }
        }
        i = end;
      }
      if (spaceStart >= 0) {
        append(' ', ' ', spaceStart, spaceEnd);
      }
      String normalized = new String(text, 0, count);
      return new Normalized(original, normalized, new String(folded, 0, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /** Appends one normalised character and its lower case ({@link #fold} keeps lengths, so they stay aligned). */
    private void append(char c, char lower, int originalStart, int originalEnd) {
      if (count == text.length) {
        int capacity = text.length * 2;
        text = Arrays.copyOf(text, capacity);
        folded = Arrays.copyOf(folded, capacity);
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
      }
      text[count] = c;
      folded[count] = lower;
      starts[count] = originalStart;
      ends[count] = originalEnd;
      count++;
    }
  }

  /**
   * A term as typed by a user or written in the knowledge base: normalised, trimmed, and without the quotes around it
   * ({@code "Pillar II"} → {@code Pillar II}).
   */
  public static String normalizeTerm(String term) {
    String t = normalize(term).text().strip();
    while (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  /** Lower case, code point by code point, keeping the length in UTF-16 units so offsets stay valid. */
  public static String fold(String normalized) {
    char[] ascii = normalized.toCharArray();
    boolean onlyAscii = true;
    for (int i = 0; i < ascii.length && onlyAscii; i++) {
      char c = ascii[i];
      if (c >= 'A' && c <= 'Z') {
        ascii[i] = (char) (c + ('a' - 'A'));
      } else if (c >= 0x80) {
        onlyAscii = false;
      }
    }
    if (onlyAscii) {
      return new String(ascii);
    }
    StringBuilder out = new StringBuilder(normalized.length());
    for (int i = 0; i < normalized.length(); ) {
      int cp = normalized.codePointAt(i);
      int lower = Character.toLowerCase(cp);
      out.appendCodePoint(Character.charCount(lower) == Character.charCount(cp) ? lower : cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * True when {@code [start, end)} of {@code text} is made of whole words: no letter or digit glued to either end of it (an
   * alias that starts or ends with punctuation, like {@code U.S.}, needs no boundary on that side).
   */
  public static boolean isWholeWord(CharSequence text, int start, int end) {
    if (start > 0 && isWordChar(Character.codePointAt(text, start)) && isWordChar(Character.codePointBefore(text, start))) {
      return false;
    }
    return end >= text.length() || !isWordChar(Character.codePointBefore(text, end)) || !isWordChar(Character.codePointAt(text, end));
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isInvisible(int cp) {
    return cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
  }

  private static String map(int cp) {
    return switch (cp) {
      case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x02BC, 0xFF07 -> "'";
      case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0x2039, 0x203A, 0xFF02 -> "\"";
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D -> "-";
      default -> {
        String s = Character.toString(cp);
        String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
        // NFKC can turn a character into nothing or into something with spaces (¨ → " ̈"): keep the original then.
        yield nfkc.isEmpty() || nfkc.chars().anyMatch(Character::isWhitespace) ? s : nfkc;
      }
    };
  }


  /** A normalised text and the way back to the original's UTF-16 offsets. */
  public static final class Normalized {

    private final String original;
    private final String text;
    private final String folded;
    private final int[] starts;
    private final int[] ends;

    Normalized(String original, String text, String folded, int[] starts, int[] ends) {
      this.original = original;
      this.text = text;
      this.folded = folded;
      this.starts = starts;
      this.ends = ends;
    }

    /** The text as given. */
    public String original() {
      return original;
    }

    /** The normalised text, in its original case. */
    public String text() {
      return text;
    }

    /** {@link #text()} in lower case, same length. */
    public String folded() {
      return folded;
    }

    /** Length of the normalised text. */
    public int length() {
      return text.length();
    }

    /** UTF-16 offset in the original of the normalised character at {@code index}. */
    public int originalStart(int index) {
      return starts[index];
    }

    /** UTF-16 offset in the original just after the normalised span that ends (exclusive) at {@code endExclusive}. */
    public int originalEnd(int endExclusive) {
      return endExclusive == 0 ? 0 : ends[endExclusive - 1];
    }
  }
}
