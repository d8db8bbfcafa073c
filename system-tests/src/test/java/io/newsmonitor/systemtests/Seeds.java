package io.newsmonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.infra.local.SampleArticles;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The five seed articles of {@code samples/seeds/}, as the system tests bring them in: through ingest's REST import. */
final class Seeds {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Seeds() {
  }

  /** Imports every seed file of {@code repoRoot} into the ingest-service at {@code ingestUrl}; returns the article id by seed number ("000" …). */
  static Map<String, String> importAll(Path repoRoot, String ingestUrl) throws IOException, InterruptedException {
    Map<String, String> ids = new TreeMap<>();
    for (Map.Entry<String, HttpResponse<String>> imported : SampleArticles.importAll(HTTP, ingestUrl, repoRoot.resolve("samples/seeds")).entrySet()) {
      HttpResponse<String> response = imported.getValue();
      assertThat(response.statusCode()).as("POST %s answered %s", response.uri(), response.body()).isEqualTo(202);
      JsonNode article = EventCodec.instance().mapper().readTree(response.body());
      ids.put(imported.getKey().substring(0, 3), article.get("id").asText());
    }
    return ids;
  }
}
