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

  /**
   * {@code path} with these query parameters (name, value, name, value …), encoded as a form would: a rule's {@code +} must
   * arrive as {@code +}, not as the space a bare {@code +} in a query stands for.
   */
  static String withQuery(String path, Object... namesAndValues) {
    StringBuilder url = new StringBuilder(path);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      url.append(i == 0 ? '?' : '&').append(namesAndValues[i]).append('=')
          .append(URLEncoder.encode(String.valueOf(namesAndValues[i + 1]), StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  /** An instant as the pages show it; the machine-readable one goes in the time element's datetime. */
  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
