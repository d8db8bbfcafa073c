package io.newsmonitor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmonitor.events.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The five seed articles of {@code samples/seeds/}, as the system tests bring them in: through ingest's REST import. */
final class Seeds {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Seeds() {
  }

  /** Imports every seed file of {@code repoRoot} into the ingest-service at {@code ingestUrl}; returns the article id by seed number ("000" …). */
  static Map<String, String> importAll(Path repoRoot, String ingestUrl) throws IOException, InterruptedException {
    Map<String, String> ids = new TreeMap<>();
    try (Stream<Path> seeds = Files.list(repoRoot.resolve("samples/seeds"))) {
      for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String fileName = seed.getFileName().toString();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/imports/seed?filename=" + fileName))
            .header("Content-Type", "text/plain; charset=utf-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Files.readString(seed)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", response.uri(), response.body()).isEqualTo(202);
        JsonNode imported = EventCodec.instance().mapper().readTree(response.body());
        ids.put(fileName.substring(0, 3), imported.get("id").asText());
      }
    }
    return ids;
  }
}
