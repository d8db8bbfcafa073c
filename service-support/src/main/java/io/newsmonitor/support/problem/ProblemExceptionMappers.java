package io.newsmonitor.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.newsmonitor.support.retry.TransientFailures;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure a REST call can meet to a problem+json answer, so clients always get the same error shape. */
public class ProblemExceptionMappers {

  private static final String TYPE_PREFIX = "https://newsmonitor.io/problems/";
  private static final int RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(new Problem(type(e.status()), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    return jsonProblem(e, uri);
  }

  // Quarkus ships a plain-text mapper for this subtype; an exact-type mapper of ours takes precedence over it.
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return jsonProblem(e, uri);
  }

  private static Response jsonProblem(JsonProcessingException e, UriInfo uri) {
    String field = fieldOf(e);
    String message = e.getOriginalMessage();
    return respond(new Problem(type(400), "Malformed JSON", 400, "the request body is not valid JSON for this call: " + message,
        path(uri), List.of(new FieldError(field, message))));
  }

  // Registered above the built-in Hibernate Validator mapper so that validation errors keep the problem shape too.
  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new FieldError(fieldOf(v), v.getMessage()))
        .sorted(java.util.Comparator.comparing(FieldError::field))
        .toList();
    return respond(new Problem(type(400), "Invalid request", 400, ProblemException.describe(errors), path(uri), errors));
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    // The JSON body reader reports syntax errors as a bare 400 with the parser's exception as cause.
    if (e.getCause() instanceof JsonProcessingException json) {
      return jsonProblem(json, uri);
    }
    int status = e.getResponse().getStatus();
    String title = Response.Status.fromStatusCode(status) == null ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase();
    return respond(new Problem(type(status), title, status, e.getMessage(), path(uri), List.of()));
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, UriInfo uri) {
    if (TransientFailures.isTransient(e)) {
      // The database is restarting or out of connections: the same call will succeed later, so the client should retry.
      Log.warnf("%s failed transiently, answered 503: %s", path(uri), e.getMessage());
      return Response.fromResponse(respond(new Problem(type(503), "Service unavailable", 503,
              "a service this call needs is unavailable for a moment; retry after the delay given", path(uri), List.of())))
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
    Log.errorf(e, "unexpected failure on %s", path(uri));
    return respond(new Problem(type(500), "Internal error", 500, "the request failed on our side; it was logged", path(uri), List.of()));
  }

  private static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static String type(int status) {
    return TYPE_PREFIX + status;
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }

  private static String fieldOf(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
    }
    return "$";
  }

  /** The last node of the property path is the request field (the first ones name the method and its parameter). */
  private static String fieldOf(ConstraintViolation<?> violation) {
    List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
        .filter(node -> node.getKind() == jakarta.validation.ElementKind.PROPERTY)
        .map(jakarta.validation.Path.Node::getName)
        .toList();
    return nodes.isEmpty() ? violation.getPropertyPath().toString() : String.join(".", nodes);
  }
}
