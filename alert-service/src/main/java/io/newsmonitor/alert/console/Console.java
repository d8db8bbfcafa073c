package io.newsmonitor.alert.console;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What every console page does alike. */
public final class Console {

  private static final String PATH = "/console";

  private Console() {
  }

  /** Whether a request to {@code path} is for the console's pages rather than the API. */
  public static boolean covers(String path) {
    return path.equals(PATH) || path.startsWith(PATH + "/");
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
}
