package io.newsmonitor.alert.rest;

import io.newsmonitor.support.problem.ProblemException;
import io.newsmonitor.support.problem.ProblemExceptionMappers;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form post without a valid CSRF token with an empty 400: this says why, in the problem+json
 * every other error has. A form post is what a hostile page can make a browser send, to the console or, with cached Basic
 * credentials, to the API; the API itself takes JSON.
 */
public class CsrfRefusals {

  private static final Set<String> FORM_TYPES = Set.of(MediaType.APPLICATION_FORM_URLENCODED_TYPE.toString(), MediaType.MULTIPART_FORM_DATA_TYPE.toString());

  private final ProblemExceptionMappers problems = new ProblemExceptionMappers();

  // Before the console's error pages (higher runs first among response filters), which show this problem to a person.
  @ServerResponseFilter(priority = Priorities.USER + 100)
  public void explain(ContainerRequestContext request, ContainerResponseContext response, UriInfo uri) {
    MediaType type = request.getMediaType();
    if (response.getStatus() == 400 && !response.hasEntity() && !HttpMethod.GET.equals(request.getMethod()) && type != null
        && FORM_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
      Response problem = problems.problem(new ProblemException(400, "Missing or wrong CSRF token",
          "a form post must carry the csrf-token of the console page it comes from (and its cookie); the API takes JSON"), uri);
      response.setEntity(problem.getEntity(), null, MediaType.valueOf(problem.getMediaType().toString()));
    }
  }
}
