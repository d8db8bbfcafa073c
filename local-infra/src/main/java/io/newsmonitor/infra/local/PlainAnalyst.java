package io.newsmonitor.infra.local;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * An analyst alert-service learns from its environment with a plain-text password, as the local run, the system tests and
 * the benchmarks give one; production gives hashed passwords (see the README).
 */
public record PlainAnalyst(String name, String password) {

  /** Makes alert-service on this platform know the analyst. */
  public LocalPlatform.Builder knownTo(LocalPlatform.Builder platform) {
    return platform
        .env("QUARKUS_SECURITY_USERS_EMBEDDED_PLAIN_TEXT", "true")
        .env("QUARKUS_SECURITY_USERS_EMBEDDED_USERS_" + name.toUpperCase(Locale.ROOT), password);
  }

  /** The request, signed in as the analyst (HTTP Basic). */
  public HttpRequest.Builder signIn(HttpRequest.Builder request) {
    String credentials = name + ":" + password;
    return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }
}
