package io.newsmonitor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches URLs that come from outside without letting them reach internal services (SSRF): only http and https, every hop's
 * address checked by {@link AddressPolicy} (the literal before connecting, resolved names at connect time), bodies bounded while they
 * stream. Thread-safe; share one per service and close it on shutdown.
 */
public final class SafeHttpClient implements AutoCloseable {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> CREDENTIAL_HEADERS = caseInsensitive(HttpHeaders.AUTHORIZATION, HttpHeaders.PROXY_AUTHORIZATION, "Cookie");
  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  // Sized for a feed poller: many hosts at once, a few connections to each so one slow site cannot take the pool.
  private static final int MAX_CONNECTIONS = 200;
  private static final int MAX_CONNECTIONS_PER_HOST = 4;
  private static final byte[] NO_BODY = new byte[0];

  private final HttpSettings settings;
  private final AddressPolicy policy;
  private final CloseableHttpClient client;

  public SafeHttpClient(HttpSettings settings) {
    this(settings, SystemDefaultDnsResolver.INSTANCE);
  }

  /** {@code dns} stands in for the system resolver in tests; its answers are still checked. */
  SafeHttpClient(HttpSettings settings, DnsResolver dns) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.policy = AddressPolicy.of(settings);
    ConnectionConfig connection = ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
        .build();
    RequestConfig request = RequestConfig.custom()
        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
        .setConnectionRequestTimeout(Timeout.of(settings.responseTimeout()))
        .setRedirectsEnabled(false)
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new GuardedDnsResolver(dns, policy))
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
            .setDefaultConnectionConfig(connection)
            .build())
        .setDefaultRequestConfig(request)
        .setUserAgent(settings.userAgent())
        // Redirects are followed by hand so that every hop is checked; retries could repeat a webhook POST or wait out a Retry-After.
        .disableRedirectHandling()
        .disableAutomaticRetries()
        // One client serves every feed: cookies or credentials from one site must not travel to another.
        .disableCookieManagement()
        .disableAuthCaching()
        .evictExpiredConnections()
        .evictIdleConnections(TimeValue.ofMinutes(1))
        .build();
  }

  /** Parses a URL as users and feeds write it, for {@link #get} and {@link #post}; what cannot be a URI fails as INVALID_URL. */
  public static URI parseUrl(String url) throws FetchException {
    Objects.requireNonNull(url, "url");
    try {
      return new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "invalid URL '" + url + "': " + e.getMessage(), e);
    }
  }

  /** GET following at most maxRedirects redirects, each hop re-checked; 304 returned as is (empty body). */
  public HttpResponse get(URI uri, Map<String, String> headers) throws FetchException {
    Objects.requireNonNull(headers, "headers");
    checkTarget(uri, "");
    URI current = uri;
    Map<String, String> hopHeaders = headers;
    for (int redirects = 0; ; redirects++) {
      String via = redirects == 0 ? "" : " (redirected from " + uri + ")";
      HttpResponse response = exchange(withHeaders(new HttpGet(current), hopHeaders), current, true, via);
      Optional<String> location = response.header(HttpHeaders.LOCATION);
      if (!REDIRECTS.contains(response.status()) || location.isEmpty()) {
        return response;
      }
      if (redirects == settings.maxRedirects()) {
        throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS,
            "gave up on " + uri + " after " + redirects + " redirects; the next one was from " + current + " to " + location.get());
      }
      URI next = resolveLocation(current, location.get(), uri);
      checkTarget(next, " (redirected from " + uri + ")");
      if (!sameOrigin(current, next)) {
        hopHeaders = withoutCredentials(hopHeaders);
      }
      current = next;
    }
  }

  /** POST, never follows redirects. */
  public HttpResponse post(URI uri, Map<String, String> headers, byte[] body, String contentType) throws FetchException {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    checkTarget(uri, "");
    HttpPost request = new HttpPost(uri);
    request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
    return exchange(withHeaders(request, headers), uri, false, "");
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  /** Refuses before any connection what the URL alone shows: its scheme, a missing host, a loopback name or a forbidden literal address. */
  private void checkTarget(URI uri, String via) throws FetchException {
    Objects.requireNonNull(uri, "uri");
    if (uri.getScheme() == null) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "invalid URL " + uri + via + ": it is not absolute");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(FetchException.Reason.UNSUPPORTED_SCHEME, "refused " + uri + via + ": only http and https URLs are fetched");
    }
    String host = uri.getHost();
    if (host == null) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "invalid URL " + uri + via + ": it has no valid host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "invalid URL " + uri + via + ": credentials in the URL are not supported, send a header");
    }
    Optional<String> refusal = policy.refusal(host);
    if (refusal.isEmpty() && (host.startsWith("[") || IPV4_LITERAL.matcher(host).matches())) {
      refusal = policy.refusal(literalAddress(host, uri, via));
    }
    if (refusal.isPresent()) {
      throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, "refused " + uri + via + ": " + refusal.get());
    }
  }

  /** Parses an IP literal; InetAddress asks no DNS server for a dotted quad or a bracketed IPv6 address. */
  private static InetAddress literalAddress(String host, URI uri, String via) throws FetchException {
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "invalid URL " + uri + via + ": " + host + " is not an IP address", e);
    }
  }

  private HttpResponse exchange(HttpUriRequestBase request, URI uri, boolean followingRedirects, String via) throws FetchException {
    ClassicHttpResponse response;
    try {
      response = client.executeOpen(null, request, null);
    } catch (IOException e) {
      throw failure(e, uri, via);
    }
    try {
      int status = response.getCode();
      Map<String, List<String>> headers = headersOf(response);
      boolean bodyIgnored = status == 304 || followingRedirects && REDIRECTS.contains(status) && response.containsHeader(HttpHeaders.LOCATION);
      byte[] body = bodyIgnored ? NO_BODY : readBody(response.getEntity(), uri);
      return new HttpResponse(status, uri, headers, body);
    } catch (IOException e) {
      throw failure(e, uri, via);
    } finally {
      // After a complete read the connection is already back in the pool; otherwise dropping it beats draining an unwanted body.
      ((ModalCloseable) response).close(CloseMode.IMMEDIATE);
    }
  }

  /** Streams the (decompressed) body, giving up as soon as it passes the limit, so neither a huge response nor a gzip bomb is buffered. */
  private byte[] readBody(HttpEntity entity, URI uri) throws IOException, FetchException {
    if (entity == null) {
      return NO_BODY;
    }
    long limit = settings.maxBodyBytes();
    long declared = entity.getContentLength();
    if (declared > limit) {
      throw tooLarge(uri, "it declares " + declared + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : 8192, limit));
    // Not closed on purpose: closing drains the rest of the body from the server; the caller drops the connection instead.
    InputStream in = entity.getContent();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
      total += read;
      if (total > limit) {
        throw tooLarge(uri, "more than that arrived");
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private FetchException tooLarge(URI uri, String detail) {
    return new FetchException(FetchException.Reason.TOO_LARGE, "response from " + uri + " exceeds the limit of " + settings.maxBodyBytes() + " bytes: " + detail);
  }

  private FetchException failure(IOException e, URI uri, String via) {
    if (e instanceof RefusedAddressException) {
      return new FetchException(FetchException.Reason.BLOCKED_ADDRESS, "refused " + uri + via + ": " + e.getMessage(), e);
    }
    if (e instanceof UnknownHostException) {
      return new FetchException(FetchException.Reason.UNKNOWN_HOST, "unknown host " + uri.getHost() + " in " + uri + via, e);
    }
    if (e instanceof ConnectTimeoutException) {
      return new FetchException(FetchException.Reason.TIMEOUT,
          "could not connect to " + uri.getHost() + " within " + settings.connectTimeout().toMillis() + " ms for " + uri + via, e);
    }
    if (e instanceof SocketTimeoutException) {
      return new FetchException(FetchException.Reason.TIMEOUT,
          "no response from " + uri + via + " within " + settings.responseTimeout().toMillis() + " ms", e);
    }
    if (e instanceof InterruptedIOException) {
      // The pool had no free connection in time, or the thread was interrupted.
      return new FetchException(FetchException.Reason.TIMEOUT, "gave up waiting on " + uri + via + ": " + e.getMessage(), e);
    }
    return new FetchException(FetchException.Reason.CONNECTION, "could not fetch " + uri + via + ": " + e, e);
  }

  private HttpUriRequestBase withHeaders(HttpUriRequestBase request, Map<String, String> headers) {
    headers.forEach(request::setHeader);
    // Set last so that the operator's identity is what sites see, whatever a caller passes.
    request.setHeader(HttpHeaders.USER_AGENT, settings.userAgent());
    return request;
  }

  private static Map<String, List<String>> headersOf(ClassicHttpResponse response) {
    Header encoding = response.getFirstHeader(HttpHeaders.CONTENT_ENCODING);
    // HttpClient decodes any encoding it accepts (and fails on others) but leaves the headers, which then describe bytes we never return.
    boolean decoded = encoding != null && !encoding.getValue().isBlank() && !encoding.getValue().strip().equalsIgnoreCase("identity");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      boolean describesEncodedBody = header.getName().equalsIgnoreCase(HttpHeaders.CONTENT_ENCODING) || header.getName().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH);
      if (!(decoded && describesEncodedBody)) {
        headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
      }
    }
    return headers;
  }

  /** Resolves a Location against the URI that sent it, tolerating the spaces and non-ASCII characters real servers put there. */
  private static URI resolveLocation(URI current, String location, URI original) throws FetchException {
    try {
      URI base = current.getRawPath() == null || current.getRawPath().isEmpty() ? current.resolve("/") : current;
      return base.resolve(new URI(escapeIllegalCharacters(location.strip())));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(FetchException.Reason.INVALID_URL,
          "invalid redirect from " + current + " (fetching " + original + ") to " + location + ": " + e.getMessage(), e);
    }
  }

  private static String escapeIllegalCharacters(String location) {
    StringBuilder escaped = new StringBuilder(location.length());
    for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c > 0x20 && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0) {
        escaped.append((char) c);
      } else {
        escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return escaped.toString();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static Map<String, String> withoutCredentials(Map<String, String> headers) {
    Map<String, String> kept = new LinkedHashMap<>(headers);
    kept.keySet().removeIf(CREDENTIAL_HEADERS::contains);
    return kept;
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return set;
  }
}
