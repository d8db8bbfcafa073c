package io.newsmonitor.http;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A complete response as {@link SafeHttpClient} read it; {@code headers} looks names up case-insensitively, and {@code body} is decompressed.
 *
 * @param status   the HTTP status code
 * @param finalUri the URI that answered, after any redirects
 * @param headers  every header, values in the order received
 * @param body     the whole body (empty for 304 and HEAD-like answers); not copied, so do not modify it
 */
public record HttpResponse(int status, URI finalUri, Map<String, List<String>> headers, byte[] body) {

  public HttpResponse {
    Objects.requireNonNull(finalUri, "finalUri");
    Objects.requireNonNull(body, "body");
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), HttpResponse::concat));
    headers = Collections.unmodifiableMap(copy);
  }

  /** The first value of a header, whatever the case of {@code name}. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Optional<String> contentType() {
    return header("Content-Type");
  }

  /** 304: the validators sent (If-None-Match, If-Modified-Since) still match. */
  public boolean notModified() {
    return status == 304;
  }

  /** 2xx. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  // A record compares arrays by identity; two responses with the same bytes are the same response.
  @Override
  public boolean equals(Object other) {
    return other instanceof HttpResponse that && status == that.status && finalUri.equals(that.finalUri) && headers.equals(that.headers)
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, finalUri, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "HttpResponse[status=" + status + ", finalUri=" + finalUri + ", headers=" + headers + ", body=" + body.length + " bytes]";
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
