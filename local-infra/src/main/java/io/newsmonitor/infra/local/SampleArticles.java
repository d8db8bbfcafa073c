package io.newsmonitor.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The sample articles of {@code samples/seeds/}, brought in as a user would: each file POSTed to ingest-service's file import. */
public final class SampleArticles {

  private SampleArticles() {
  }

  /**
   * POSTs every {@code *.txt} file of {@code directory}, in name order, to the file import of the ingest-service at
   * {@code ingestUrl}.
   *
   * @return ingest-service's answer by file name, in the order sent
   */
  public static Map<String, HttpResponse<String>> importAll(HttpClient http, String ingestUrl, Path directory)
      throws IOException, InterruptedException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      URI uri = URI.create(ingestUrl + "/api/imports/seed?filename=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
      answers.put(name, http.send(HttpRequest.newBuilder(uri)
          .header("Content-Type", "text/plain; charset=utf-8")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofFile(file))
          .build(), HttpResponse.BodyHandlers.ofString()));
    }
    return answers;
  }
}
