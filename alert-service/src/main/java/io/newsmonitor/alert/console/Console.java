package io.newsmonitor.alert.console;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What every console page does alike. */
final class Console {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Console() {
  }

  /**
   * After a form post, the browser is sent to a page to GET (303), so that reloading it does not post the form again.
   */
  static Response seeOther(String path) {
    return Response.seeOther(URI.create(path)).build();
  }

  static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** An instant as the pages show it; the machine-readable one goes in the time element's datetime. */
  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
