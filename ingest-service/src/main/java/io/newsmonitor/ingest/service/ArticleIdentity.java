package io.newsmonitor.ingest.service;

import io.newsmonitor.ingest.text.TextNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How an article is recognised: its canonical URL, its stable id and the hash of its content. The same article
 * ingested twice, however its URL was decorated, gets the same id; a correction gets the same id and a new hash.
 */
public final class ArticleIdentity {

  /** Length of an article id: the first 32 hex digits (128 bits) of a SHA-256. */
  public static final int ID_LENGTH = 32;

  private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid");

  private ArticleIdentity() {
  }

  /**
   * The canonical form of an absolute http(s) URL: scheme and host in lower case, no default port, no fragment, no
   * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}), {@code /} for an empty path. The rest of the
   * path and query is kept as written: servers may tell case and parameter order apart.
   *
   * @return empty when {@code url} is not an absolute http or https URL with a host
   */
  public static Optional<String> canonicalUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return Optional.empty();
    }
    StringBuilder canonical = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      canonical.append(uri.getRawUserInfo()).append('@');
    }
    canonical.append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
      canonical.append(':').append(port);
    }
    String path = uri.getRawPath();
    canonical.append(path == null || path.isEmpty() ? "/" : path);
    String query = uri.getRawQuery() == null ? "" : Stream.of(uri.getRawQuery().split("&"))
        .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter))
        .collect(Collectors.joining("&"));
    if (!query.isEmpty()) {
      canonical.append('?').append(query);
    }
    return Optional.of(canonical.toString());
  }

  /** The id of an article with a URL: the first 32 hex digits of the SHA-256 of its canonical URL. */
  public static String idOfUrl(String canonicalUrl) {
    return sha256Hex(canonicalUrl).substring(0, ID_LENGTH);
  }

  /** The id of an item without a URL: the first 32 hex digits of the SHA-256 of {@code <sourceId>\n<guid>}. */
  public static String idOfGuid(String sourceId, String guid) {
    return sha256Hex(sourceId + "\n" + guid).substring(0, ID_LENGTH);
  }

  /** {@code sha256:} and the hex SHA-256 of the normalised title, a line break and the (already clean) body. */
  public static String contentHash(String title, String body) {
    return "sha256:" + sha256Hex(TextNormalizer.normalizeTitle(title) + "\n" + body);
  }

  private static boolean isTracking(String parameter) {
    int equals = parameter.indexOf('=');
    String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
    return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
