package io.newsmonitor.support.problem;

import java.util.List;

/** Thrown by a resource or service to answer with a problem: the status, a short title, the detail and bad fields. */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<FieldError> errors;

  public ProblemException(int status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public ProblemException(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  /** 400 for request fields that are missing or wrong; the detail lists them. */
  public static ProblemException badRequest(List<FieldError> errors) {
    return new ProblemException(400, "Invalid request", describe(errors), errors);
  }

  /** 400 for one bad field. */
  public static ProblemException badField(String field, String message) {
    return badRequest(List.of(new FieldError(field, message)));
  }

  /** 404 for an id that names nothing the caller may see. */
  public static ProblemException notFound(String what) {
    return new ProblemException(404, "Not found", what + " not found");
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  static String describe(List<FieldError> errors) {
    return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
  }
}
