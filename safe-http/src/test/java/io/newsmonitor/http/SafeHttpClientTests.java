package io.newsmonitor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.newsmonitor.http.FetchException.Reason;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHttpClientTests {

  private static final String USER_AGENT = "news-monitor-test/1.0 (+https://example.org/bot)";
  private static final HttpSettings LOCAL = HttpSettings.defaults(USER_AGENT)
      .withAllowLoopback(true)
      .withConnectTimeout(Duration.ofSeconds(2))
      .withResponseTimeout(Duration.ofSeconds(5));
  private static final int FIFTY_MB = 50 * 1024 * 1024;

  // Our own gzip bodies are served as they are; WireMock must not compress on top.
  private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
  private static SafeHttpClient client;
  // HttpClient resolves IP literals too; names ending in .example stand for domains whose DNS an attacker controls.
  private static final DnsResolver fakeDns = new DnsResolver() {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return switch (host) {
        case "feeds.example" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        case "rebind.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")};
        case "nowhere.example" -> throw new UnknownHostException(host);
        default -> SystemDefaultDnsResolver.INSTANCE.resolve(host);
      };
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  };

  @BeforeAll
  static void start() {
    server.start();
    client = new SafeHttpClient(LOCAL, fakeDns);
  }

  @AfterAll
  static void stop() {
    client.close();
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  @Test
  void returnsStatusHeadersAndBody() throws Exception {
    server.stubFor(get("/feed.xml").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml; charset=utf-8")
        .withHeader("ETag", "\"v1\"").withHeader("X-Multi", "a", "b").withBody("<rss/>")));

    HttpResponse response = client.get(url("/feed.xml"), Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.successful()).isTrue();
    assertThat(response.notModified()).isFalse();
    assertThat(response.finalUri()).isEqualTo(url("/feed.xml"));
    assertThat(response.contentType()).contains("application/rss+xml; charset=utf-8");
    assertThat(response.header("etag")).contains("\"v1\"");
    assertThat(response.headers().get("x-multi")).containsExactly("a", "b");
    assertThat(response.header("X-Missing")).isEmpty();
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
  }

  @Test
  void sendsTheUserAgentAndTheCallersHeaders() throws Exception {
    server.stubFor(get("/ua").willReturn(aResponse().withStatus(204)));

    client.get(url("/ua"), Map.of("Accept", "application/atom+xml", "User-Agent", "spoofed"));

    server.verify(getRequestedFor(urlEqualTo("/ua")).withHeader("User-Agent", equalTo(USER_AGENT)).withHeader("Accept", equalTo("application/atom+xml")));
  }

  @Test
  void conditionalGetReturnsNotModified() throws Exception {
    server.stubFor(get("/feed.xml").atPriority(1).withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
    server.stubFor(get("/feed.xml").atPriority(2).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v2\"").withBody("<rss/>")));

    HttpResponse unchanged = client.get(url("/feed.xml"), Map.of("If-None-Match", "\"v1\""));
    HttpResponse changed = client.get(url("/feed.xml"), Map.of("If-None-Match", "\"v0\""));

    assertThat(unchanged.notModified()).isTrue();
    assertThat(unchanged.successful()).isFalse();
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.header("ETag")).contains("\"v1\"");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).contains("\"v2\"");
  }

  @Test
  void decodesGzipBodies() throws Exception {
    String text = "<feed>" + "entry ".repeat(1000) + "</feed>";
    server.stubFor(get("/gz").willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip").withBody(gzip(text.getBytes(StandardCharsets.UTF_8)))));

    HttpResponse response = client.get(url("/gz"), Map.of());

    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(response.headers()).doesNotContainKeys("Content-Encoding", "Content-Length");
    server.verify(getRequestedFor(urlEqualTo("/gz")).withHeader("Accept-Encoding", containing("gzip")));
  }

  @Test
  void followsRedirectChainsAndReportsTheFinalUri() throws Exception {
    server.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", url("/moved/once").toString())));
    server.stubFor(get("/moved/once").willReturn(aResponse().withStatus(302).withHeader("Location", "twice")));
    server.stubFor(get("/moved/twice").willReturn(aResponse().withStatus(307).withHeader("Location", "/new feed.xml")));
    server.stubFor(get("/new%20feed.xml").willReturn(aResponse().withStatus(200).withBody("here")));

    HttpResponse response = client.get(url("/old"), Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.finalUri()).isEqualTo(url("/new%20feed.xml"));
    assertThat(response.body()).asString(StandardCharsets.UTF_8).isEqualTo("here");
  }

  @Test
  void dropsCredentialsWhenARedirectLeavesTheOrigin() throws Exception {
    URI otherOrigin = URI.create("http://feeds.example:" + server.port() + "/landing");
    server.stubFor(get("/private").willReturn(aResponse().withStatus(302).withHeader("Location", otherOrigin.toString())));
    server.stubFor(get("/landing").willReturn(aResponse().withStatus(200)));

    client.get(url("/private"), Map.of("Authorization", "Bearer secret", "Accept", "text/html"));

    server.verify(getRequestedFor(urlEqualTo("/private")).withHeader("Authorization", equalTo("Bearer secret")));
    server.verify(getRequestedFor(urlEqualTo("/landing")).withHeader("Authorization", absent()).withHeader("Accept", equalTo("text/html")));
  }

  @Test
  void redirectLoopIsTooManyRedirects() {
    server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

    assertFails(() -> client.get(url("/loop"), Map.of()), Reason.TOO_MANY_REDIRECTS)
        .hasMessageStartingWith("gave up on " + url("/loop") + " after 5 redirects");
    server.verify(6, getRequestedFor(urlEqualTo("/loop")));
  }

  @Test
  void redirectToCloudMetadataIsBlockedBeforeConnecting() {
    server.stubFor(get("/meta").willReturn(aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/latest/meta-data")));

    assertFails(() -> client.get(url("/meta"), Map.of()), Reason.BLOCKED_ADDRESS)
        .hasMessage("refused http://169.254.169.254/latest/meta-data (redirected from " + url("/meta") + "): 169.254.169.254 is a link-local address");
  }

  @Test
  void redirectToPrivateNetworkIsBlockedBeforeConnecting() {
    server.stubFor(get("/intranet").willReturn(aResponse().withStatus(301).withHeader("Location", "http://10.0.0.1/")));

    assertFails(() -> client.get(url("/intranet"), Map.of()), Reason.BLOCKED_ADDRESS).hasMessageEndingWith("10.0.0.1 is a private network address");
  }

  @Test
  void redirectToANameResolvingToAPrivateAddressIsBlockedAtConnect() {
    server.stubFor(get("/rebind").willReturn(aResponse().withStatus(302).withHeader("Location", "http://rebind.example:" + server.port() + "/")));

    assertFails(() -> client.get(url("/rebind"), Map.of()), Reason.BLOCKED_ADDRESS)
        .hasMessageEndingWith("rebind.example resolves to 10.0.0.7, a private network address");
  }

  @Test
  void connectsThroughTheGuardedResolver() throws Exception {
    server.stubFor(get("/named").willReturn(aResponse().withStatus(200).withBody("ok")));

    assertThat(client.get(URI.create("http://feeds.example:" + server.port() + "/named"), Map.of()).status()).isEqualTo(200);
    try (SafeHttpClient strict = new SafeHttpClient(LOCAL.withAllowLoopback(false), fakeDns)) {
      assertFails(() -> strict.get(URI.create("http://feeds.example:" + server.port() + "/named"), Map.of()), Reason.BLOCKED_ADDRESS)
          .hasMessage("refused http://feeds.example:" + server.port() + "/named: feeds.example resolves to 127.0.0.1, a loopback address");
    }
  }

  @Test
  void unknownHost() {
    assertFails(() -> client.get(URI.create("http://nowhere.example/"), Map.of()), Reason.UNKNOWN_HOST)
        .hasMessage("unknown host nowhere.example in http://nowhere.example/");
  }

  @Test
  void streamedBodyOverTheLimitIsTooLarge() {
    // Chunked, so no Content-Length warns us: the limit must stop the stream itself.
    server.stubFor(get("/huge").willReturn(aResponse().withStatus(200).withBody(new byte[FIFTY_MB]).withChunkedDribbleDelay(50, 50)));

    assertFails(() -> client.get(url("/huge"), Map.of()), Reason.TOO_LARGE)
        .hasMessage("response from " + url("/huge") + " exceeds the limit of 10485760 bytes: more than that arrived");
  }

  @Test
  void declaredContentLengthOverTheLimitIsRefusedWithoutReading() {
    server.stubFor(get("/declared").willReturn(aResponse().withStatus(200).withHeader("Content-Length", String.valueOf(FIFTY_MB)).withBody(new byte[FIFTY_MB])));

    assertFails(() -> client.get(url("/declared"), Map.of()), Reason.TOO_LARGE).hasMessageEndingWith("it declares 52428800 bytes");
  }

  @Test
  void gzipBombIsTooLarge() throws Exception {
    byte[] bomb = gzip(new byte[20 * 1024 * 1024]);
    server.stubFor(get("/bomb").willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip").withBody(bomb)));

    assertThat(bomb.length).isLessThan(100_000);
    assertFails(() -> client.get(url("/bomb"), Map.of()), Reason.TOO_LARGE);
  }

  @Test
  void slowResponseTimesOut() {
    server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

    try (SafeHttpClient impatient = new SafeHttpClient(LOCAL.withResponseTimeout(Duration.ofMillis(300)))) {
      assertFails(() -> impatient.get(url("/slow"), Map.of()), Reason.TIMEOUT).hasMessage("no response from " + url("/slow") + " within 300 ms");
    }
  }

  @Test
  void refusedConnection() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertFails(() -> client.get(URI.create("http://127.0.0.1:" + closedPort + "/"), Map.of()), Reason.CONNECTION)
        .hasMessageStartingWith("could not fetch http://127.0.0.1:" + closedPort + "/: ");
  }

  @Test
  void postSendsBodyAndContentType() throws Exception {
    server.stubFor(post("/hook").willReturn(aResponse().withStatus(202).withBody("queued")));

    HttpResponse response = client.post(url("/hook"), Map.of("X-Signature", "abc"), "{\"id\":1}".getBytes(StandardCharsets.UTF_8), "application/json");

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).asString(StandardCharsets.UTF_8).isEqualTo("queued");
    server.verify(postRequestedFor(urlEqualTo("/hook")).withHeader("Content-Type", equalTo("application/json")).withHeader("X-Signature", equalTo("abc"))
        .withHeader("User-Agent", equalTo(USER_AGENT)).withRequestBody(equalTo("{\"id\":1}")));
  }

  @Test
  void postReturnsRedirectsAsTheyAre() throws Exception {
    server.stubFor(post("/hook").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere").withBody("moved")));

    HttpResponse response = client.post(url("/hook"), Map.of(), new byte[] {1}, "application/octet-stream");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("location")).contains("/elsewhere");
    assertThat(response.finalUri()).isEqualTo(url("/hook"));
    server.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
    server.verify(0, postRequestedFor(urlEqualTo("/elsewhere")));
  }

  /** What production settings (no loopback) refuse from the URL alone. */
  @Nested
  class RefusedUrls {

    private final SafeHttpClient strict = new SafeHttpClient(HttpSettings.defaults(USER_AGENT));

    @AfterEach
    void closeClient() {
      strict.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:%d/", "http://127.0.0.1/", "http://[::1]/", "http://127.1.2.3/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0:%d/",
        "https://LOCALHOST:%d/admin", "http://169.254.169.254/latest/meta-data", "http://192.168.0.1/"})
    void blockedAddresses(String template) {
      URI uri = URI.create(template.formatted(server.port()));

      assertFails(() -> strict.get(uri, Map.of()), Reason.BLOCKED_ADDRESS).hasMessageStartingWith("refused " + uri + ": ");
      assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void blockedMessageNamesUrlAndReason() {
      assertFails(() -> strict.get(URI.create("http://169.254.169.254/latest/meta-data"), Map.of()), Reason.BLOCKED_ADDRESS)
          .hasMessage("refused http://169.254.169.254/latest/meta-data: 169.254.169.254 is a link-local address");
      assertFails(() -> strict.get(URI.create("http://localhost/"), Map.of()), Reason.BLOCKED_ADDRESS).hasMessage("refused http://localhost/: localhost is a loopback name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://x", "gopher://x", "jar:file:/app.jar!/secret", "mailto:someone@example.com"})
    void unsupportedSchemes(String url) {
      assertFails(() -> strict.get(URI.create(url), Map.of()), Reason.UNSUPPORTED_SCHEME).hasMessage("refused " + url + ": only http and https URLs are fetched");
      assertFails(() -> strict.post(URI.create(url), Map.of(), new byte[0], "text/plain"), Reason.UNSUPPORTED_SCHEME);
    }

    @Test
    void invalidUrls() {
      assertFails(() -> SafeHttpClient.parseUrl("not a url"), Reason.INVALID_URL).hasMessageStartingWith("invalid URL 'not a url': ");
      assertFails(() -> strict.get(URI.create("not-a-url"), Map.of()), Reason.INVALID_URL).hasMessage("invalid URL not-a-url: it is not absolute");
      assertFails(() -> strict.get(URI.create("http:///no-host"), Map.of()), Reason.INVALID_URL);
      assertFails(() -> strict.get(URI.create("http://user:secret@example.com/"), Map.of()), Reason.INVALID_URL);
    }

    @Test
    void parsesOrdinaryUrls() throws FetchException {
      assertThat(SafeHttpClient.parseUrl(" https://example.com/feed?x=1 ")).isEqualTo(URI.create("https://example.com/feed?x=1"));
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(ThrowingCallable call, Reason reason) {
    return assertThatThrownBy(call).isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }
}
