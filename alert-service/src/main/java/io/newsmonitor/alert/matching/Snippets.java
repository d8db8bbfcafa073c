package io.newsmonitor.alert.matching;

import io.newsmonitor.events.AlertRaised.Snippet;
import io.newsmonitor.events.TextField;
import java.util.Optional;

/** Cuts the excerpt an alert shows around a match: about {@value #WIDTH} characters, whole words, white space collapsed. */
final class Snippets {

  static final int WIDTH = 120;

  private Snippets() {
  }

  /**
   * The excerpt of {@code text} around {@code [start, end)}, with the highlight offsets moved into the excerpt; empty when
   * the span does not fit the text (a tag whose mention offsets do not match the article).
   */
  static Optional<Snippet> around(TextField field, String text, int start, int end) {
    if (text == null || start < 0 || end <= start || end > text.length()) {
      return Optional.empty();
    }
    int room = Math.max(0, WIDTH - (end - start));
    int from = Math.max(0, start - room / 2);
    int to = Math.min(text.length(), end + room - (start - from));
    // Room the right side could not use goes back to the left.
    from = Math.max(0, Math.min(from, to - Math.max(WIDTH, end - start)));
    // Do not cut a word in two at either end.
    if (from > 0 && !isSpace(text.charAt(from - 1))) {
      int space = from;
      while (space < start && !isSpace(text.charAt(space))) {
        space++;
      }
      from = space;
    }
    if (to < text.length() && !isSpace(text.charAt(to))) {
      int space = to;
      while (space > end && !isSpace(text.charAt(space - 1))) {
        space--;
      }
      to = space;
    }
    StringBuilder out = new StringBuilder(to - from);
    int highlightStart = -1;
    int highlightEnd = -1;
    boolean pendingSpace = false;
    for (int i = from; i < to; i++) {
      if (i == end) {
        highlightEnd = out.length();
      }
      char c = text.charAt(i);
      if (isSpace(c)) {
        pendingSpace = !out.isEmpty();
        if (i == start) {
          highlightStart = out.length() + (pendingSpace ? 1 : 0);
        }
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        if (i == start) {
          highlightStart = out.length();
        }
        out.append(c);
      }
    }
    if (highlightEnd < 0) {
      highlightEnd = out.length();
    }
    highlightStart = Math.min(Math.max(highlightStart, 0), highlightEnd);
    return Optional.of(new Snippet(field, out.toString(), highlightStart, highlightEnd));
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
