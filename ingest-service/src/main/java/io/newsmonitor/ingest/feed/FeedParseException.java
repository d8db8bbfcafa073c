package io.newsmonitor.ingest.feed;

/** Bytes that are not a feed {@link FeedParser} can read; the message says what is wrong with them. */
public final class FeedParseException extends Exception {

  public FeedParseException(String message) {
    super(message);
  }

  public FeedParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
