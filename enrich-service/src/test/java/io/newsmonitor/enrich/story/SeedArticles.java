package io.newsmonitor.enrich.story;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed articles of {@code samples/seeds} as enrich-service receives them: the first non-blank line is the title, the
 * rest the body (enrich-service does not depend on ingest-service's parser), published when their sources published them.
 */
public final class SeedArticles {

  /** Relative to the module, where Maven runs the tests. */
  static final Path DIR = Path.of("../samples/seeds");

  /**
   * When each seed's source published it: 000 gives its date; 001 (Reuters) and 002 (Yonhap) report the same AUKUS
   * announcement of 8 April 2024; 003 is the US-Japan "two-plus-two" of 7 January 2022; 004 is dated 19 October 2024.
   */
  public static final Map<String, OffsetDateTime> PUBLISHED = Map.of(
      "000", OffsetDateTime.parse("2024-04-08T21:56:00+02:00"),
      "001", OffsetDateTime.parse("2024-04-07T09:12:00Z"),
      "002", OffsetDateTime.parse("2024-04-09T10:30:00+09:00"),
      "003", OffsetDateTime.parse("2022-01-07T23:05:00Z"),
      "004", OffsetDateTime.parse("2024-10-19T08:00:00-04:00"));

  public static final List<String> NUMBERS = List.of("000", "001", "002", "003", "004");

  /** A seed's title and body. */
  public record Text(String title, String body) {
  }

  private SeedArticles() {
  }

  public static Text text(String number) {
    try (Stream<Path> files = Files.list(DIR)) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith(number + "_")).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no seed " + number + " in " + DIR.toAbsolutePath()));
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int first = 0;
      while (lines.get(first).isBlank()) {
        first++;
      }
      return new Text(lines.get(first).strip(), String.join("\n", lines.subList(first + 1, lines.size())).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seed {@code number} as ingested under {@code id}, published at {@code published}. */
  public static ArticleIngested article(String number, String id, OffsetDateTime published) {
    Text text = text(number);
    return new ArticleIngested(id, 1, "https://example.org/seeds/" + id, new SourceRef("seeds", "Seeds"), text.title(), text.body(),
        null, "en", published, false, published.toInstant().plusSeconds(120), "sha256:" + sha256(text.title() + "\n" + text.body()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
