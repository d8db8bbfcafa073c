package io.newsmonitor.support.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * news.tracing.exporter=otlp steps aside, and Quarkus' OTLP exporter sends the spans to the collector configured: here a
 * stand-in that records what it receives over OTLP/HTTP.
 */
@QuarkusTest
@TestProfile(OtlpExportTests.Otlp.class)
class OtlpExportTests {

  /** An OTLP/HTTP collector stand-in: records each export request's path, content type and body, and answers 200. */
  static final class Collector {

    record Export(String path, String contentType, byte[] body) {
    }

    static final List<Export> EXPORTS = new CopyOnWriteArrayList<>();
    static final HttpServer SERVER = start();

    private static HttpServer start() {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
          EXPORTS.add(new Export(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
        server.start();
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static class Otlp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "news.tracing.exporter", "otlp",
          "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
          "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + Collector.SERVER.getAddress().getPort(),
          // Exported within a second rather than the default 5 s.
          "quarkus.otel.bsp.schedule.delay", "200ms");
    }
  }

  @Inject
  Instance<SpanExporter> exporters;

  @Test
  void noSpanExporterBeanIsLeftInTheWay() {
    assertThat(exporters.isUnsatisfied()).isTrue();
  }

  @Test
  void theSpanOfARequestReachesTheCollector() {
    given().get("/problems-test/thrown").then().statusCode(400);

    await("an OTLP export naming the request's route").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(Collector.EXPORTS).anySatisfy(export -> {
          assertThat(export.path()).isEqualTo("/v1/traces");
          assertThat(export.contentType()).isEqualTo("application/x-protobuf");
          // Protobuf carries strings as UTF-8 bytes: the server span's route is readable in the body.
          assertThat(new String(export.body(), StandardCharsets.ISO_8859_1)).contains("/problems-test/thrown");
        }));
  }
}
