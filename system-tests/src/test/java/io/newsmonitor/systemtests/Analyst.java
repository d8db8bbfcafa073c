package io.newsmonitor.systemtests;

import io.newsmonitor.infra.local.LocalPlatform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The analyst the system tests act as: made known to alert-service through the environment, as production does. */
final class Analyst {

  static final String NAME = "analyst";
  private static final String PASSWORD = "analyst-password";

  private Analyst() {
  }

  /** Gives alert-service this analyst (plain text: the password is no secret). */
  static LocalPlatform.Builder known(LocalPlatform.Builder platform) {
    return platform
        .env("QUARKUS_SECURITY_USERS_EMBEDDED_PLAIN_TEXT", "true")
        .env("QUARKUS_SECURITY_USERS_EMBEDDED_USERS_" + NAME.toUpperCase(Locale.ROOT), PASSWORD);
  }

  /** A request to alert-service, whose /api needs an analyst's credentials. */
  static HttpRequest.Builder request(String url) {
    String credentials = NAME + ":" + PASSWORD;
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }
}
