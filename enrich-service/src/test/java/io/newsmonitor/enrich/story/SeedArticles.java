package io.newsmonitor.enrich.story;

import io.newsmonitor.enrich.tagging.Seeds;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.SourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The seed articles of {@code samples/seeds} as enrich-service receives them: the first non-blank line is the title, the
 * rest the body (enrich-service does not depend on ingest-service's parser), published when their sources published them.
 */
public final class SeedArticles {

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

  private SeedArticles() {
  }

  /** Seed {@code number} as ingested under {@code id}, published at {@code published}. */
  public static ArticleIngested article(String number, String id, OffsetDateTime published) {
    return ingested(number, id, published, false, published.toInstant().plusSeconds(120));
  }

  /**
   * Seed {@code number} as ingest delivers an article without a date (as it does 001, the Reuters text): ingested at
   * {@code ingestedAt}, which stands for its published time, flagged as estimated.
   */
  public static ArticleIngested undated(String number, String id, OffsetDateTime ingestedAt) {
    return ingested(number, id, ingestedAt, true, ingestedAt.toInstant());
  }

  private static ArticleIngested ingested(String number, String id, OffsetDateTime published, boolean estimated, Instant ingestedAt) {
    Seeds.Seed text = Seeds.seed(number);
    return new ArticleIngested(id, 1, "https://example.org/seeds/" + id, new SourceRef("seeds", "Seeds"), text.title(), text.body(),
        null, "en", published, estimated, ingestedAt, "sha256:" + sha256(text.title() + "\n" + text.body()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
