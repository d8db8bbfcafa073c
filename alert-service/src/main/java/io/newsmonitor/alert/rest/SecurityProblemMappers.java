package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.console.Console;
import io.newsmonitor.support.problem.ProblemException;
import io.newsmonitor.support.problem.ProblemExceptionMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A call without credentials, or with wrong ones, is answered 401 problem+json with the challenge of the API's mechanisms
 * (Basic, and Bearer when OIDC is on), instead of Quarkus's empty 401. The console's form login is no challenge for an API
 * client: its pages, and its sign-in post, get the form's redirect (to the sign-in page, or back to it with the error), or,
 * when analysts sign in at the OIDC provider, the redirect there.
 */
public class SecurityProblemMappers {

  // The shape every other error of the API has.
  private final ProblemExceptionMappers problems = new ProblemExceptionMappers();

  @Inject
  Instance<HttpAuthenticationMechanism> mechanisms;

  /** Quarkus keeps Basic silent (no challenge to a call without credentials) when form login is on: the API names it itself. */
  @ConfigProperty(name = "quarkus.http.auth.realm")
  String realm;

  /** The scheme of the console's sign-in, form or code, which the API does not offer. */
  @ConfigProperty(name = "quarkus.http.auth.permission.console.auth-mechanism")
  String consoleScheme;

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
    boolean console = Console.covers(context.normalizedPath());
    return challenge(context, console).map(data -> {
      if (data == null) {
        return console ? problem : Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"").build();
      }
      Response.ResponseBuilder answer = console ? Response.status(data.status) : Response.fromResponse(problem);
      data.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
      return answer.build();
    });
  }

  /** The challenge of the first mechanism, by priority, that has one: the console's sign-in for the console, any other's for the API. */
  private Uni<ChallengeData> challenge(RoutingContext context, boolean console) {
    List<HttpAuthenticationMechanism> candidates = mechanisms.stream()
        .sorted(Comparator.comparingInt(HttpAuthenticationMechanism::getPriority).reversed())
        .toList();
    Uni<ChallengeData> challenge = Uni.createFrom().nullItem();
    for (HttpAuthenticationMechanism mechanism : candidates) {
      challenge = challenge.onItem().ifNull().switchTo(() -> mechanism.getCredentialTransport(context)
          .onItem().transformToUni(transport -> signsInToTheConsole(transport) == console ? mechanism.getChallenge(context) : Uni.createFrom().nullItem()));
    }
    return challenge;
  }

  private boolean signsInToTheConsole(HttpCredentialTransport transport) {
    return transport != null && consoleScheme.equalsIgnoreCase(transport.getAuthenticationScheme());
  }
}
