package io.newsmonitor.alert.rest;

import io.newsmonitor.support.problem.ProblemException;
import io.newsmonitor.support.problem.ProblemExceptionMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A call without credentials, or with wrong ones, is answered 401 problem+json with the challenge of the configured
 * mechanisms (Basic, and Bearer when OIDC is on), instead of Quarkus's empty 401.
 */
public class SecurityProblemMappers {

  // The shape every other error of the API has.
  private final ProblemExceptionMappers problems = new ProblemExceptionMappers();

  @ServerExceptionMapper
  public Uni<Response> unauthenticated(UnauthorizedException e, RoutingContext context, UriInfo uri) {
    return unauthorized("this call needs an analyst's credentials", context, uri);
  }

  @ServerExceptionMapper
  public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context, UriInfo uri) {
    return unauthorized("the credentials were not accepted", context, uri);
  }

  private Uni<Response> unauthorized(String detail, RoutingContext context, UriInfo uri) {
    Response problem = problems.problem(new ProblemException(401, "Unauthorized", detail), uri);
    HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
    Uni<ChallengeData> challenge = authenticator == null ? Uni.createFrom().nullItem() : authenticator.getChallenge(context);
    return challenge.map(data -> {
      if (data == null) {
        return problem;
      }
      Response.ResponseBuilder withChallenge = Response.fromResponse(problem);
      data.getHeaders().forEach((name, value) -> withChallenge.header(name.toString(), value));
      return withChallenge.build();
    });
  }
}
