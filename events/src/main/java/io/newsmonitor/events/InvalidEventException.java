package io.newsmonitor.events;

import java.util.List;

/** A payload that is not valid JSON or breaks its JSON Schema; the message names every violation. */
public class InvalidEventException extends RuntimeException {

  private final List<String> violations;

  public InvalidEventException(String message, List<String> violations, Throwable cause) {
    super(violations.isEmpty() ? message : message + ": " + String.join("; ", violations), cause);
    this.violations = List.copyOf(violations);
  }

  /** Each schema violation, as {@code <JSON path>: <reason>}; empty when the payload was not JSON at all. */
  public List<String> violations() {
    return violations;
  }
}
