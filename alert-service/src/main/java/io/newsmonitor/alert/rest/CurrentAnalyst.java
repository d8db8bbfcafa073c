package io.newsmonitor.alert.rest;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The analyst making the request: the authenticated principal's name, which owns subscriptions, deliveries and inbox. */
@RequestScoped
public class CurrentAnalyst {

  private final SecurityIdentity identity;

  public CurrentAnalyst(SecurityIdentity identity) {
    this.identity = identity;
  }

  /**
   * The analyst's name: the Basic user name, or the OIDC token's principal claim.
   *
   * @throws UnauthorizedException for an anonymous call, should a resource outside the /api/* policy ask
   */
  public String name() {
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    return identity.getPrincipal().getName();
  }
}
