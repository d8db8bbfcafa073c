package io.newsmonitor.support.problem;

import static java.util.Objects.requireNonNull;

/** One bad field of a request: its JSON path (e.g. {@code url}, {@code source.name}) and what is wrong with it. */
public record FieldError(String field, String message) {

  public FieldError {
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }
}
