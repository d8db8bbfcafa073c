package io.newsmonitor.events;

import static java.util.Objects.requireNonNull;

/**
 * One place a tag was found: {@code [start, end)} are UTF-16 offsets into the article's title or body, as Java and
 * JavaScript count them, and {@code text} is the wording found there.
 */
public record Mention(TextField field, int start, int end, String text) {

  public Mention {
    requireNonNull(field, "field");
    requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
