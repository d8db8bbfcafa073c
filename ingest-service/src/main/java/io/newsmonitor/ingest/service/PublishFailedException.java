package io.newsmonitor.ingest.service;

/** The broker did not acknowledge a record in time, or refused it. */
public class PublishFailedException extends RuntimeException {

  public PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
