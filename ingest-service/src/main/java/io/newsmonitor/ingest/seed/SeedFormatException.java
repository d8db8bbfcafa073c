package io.newsmonitor.ingest.seed;

/** A seed file with no story in it. */
public class SeedFormatException extends RuntimeException {

  public SeedFormatException(String message) {
    super(message);
  }
}
