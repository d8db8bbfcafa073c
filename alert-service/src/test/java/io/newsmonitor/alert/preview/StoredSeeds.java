package io.newsmonitor.alert.preview;

import static org.awaitility.Awaitility.await;

import io.newsmonitor.alert.EnrichedArticles;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The five seed articles of {@code samples/seeds} as enrich-service tags them for {@code Japan + Pillar II}: all name Japan;
 * 000, 001, 002 (one story) and 004 are about AUKUS Pillar II, 003 is not. Published in the last hours, 000 newest.
 */
public final class StoredSeeds {

  private static final Path SEEDS = Path.of("../samples/seeds");

  /** The wording of AUKUS Pillar II in each seed that has the topic. */
  private static final Map<String, String> PILLAR_TWO_WORDING = Map.of("000", "Pillar II", "001", "Pillar Two", "002", "Pillar 2", "004",
      "advanced capabilities");
  private static final Map<String, String> STORY = Map.of("000", "story-a", "001", "story-a", "002", "story-a", "003", "story-b", "004", "story-c");

  /** The runs whose seeds are stored. */
  private static final Set<String> STORED_RUNS = ConcurrentHashMap.newKeySet();

  private StoredSeeds() {
  }

  /** The article id of seed {@code number} ("000" to "004") in a test run identified by {@code run} (8 hex digits). */
  public static String id(String run, String number) {
    return prefix(run) + "0".repeat(17) + number;
  }

  /** What the ids of a run's seeds start with. */
  static String prefix(String run) {
    return run + "5eed";
  }

  /**
   * Sends a run's seeds through the service's topic and waits until the consumer has stored all five; once per run, so that a
   * test class may ask before each of its tests.
   */
  public static void storeThroughTheTopic(String run, StoredArticles stored) {
    if (STORED_RUNS.contains(run)) {
      return;
    }
    try (EnrichedArticles topic = new EnrichedArticles()) {
      articles(run).forEach(topic::send);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> List.of("000", "001", "002", "003", "004").stream()
        .allMatch(number -> stored.find(id(run, number)).isPresent()));
    STORED_RUNS.add(run);
  }

  public static List<ArticleEnriched> articles(String run) {
    List<ArticleEnriched> articles = new ArrayList<>();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (String number : List.of("000", "001", "002", "003", "004")) {
      List<String> lines = lines(number);
      String title = lines.getFirst().strip();
      String body = String.join("\n", lines.subList(1, lines.size())).strip();
      OffsetDateTime published = now.minus(Integer.parseInt(number) + 1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
      ArticleIngested ingested = new ArticleIngested(id(run, number), 1, "https://example.org/seeds/" + number, new SourceRef("file-import", "Seeds"),
          title, body, null, "en", published, false, now, "sha256:" + "0".repeat(61) + number);
      List<Tag> topics = PILLAR_TWO_WORDING.containsKey(number)
          ? List.of(tag("topic:aukus-pillar-2", "AUKUS Pillar II", "topic", title, body, PILLAR_TWO_WORDING.get(number)))
          : List.of();
      articles.add(new ArticleEnriched(ingested, List.of(tag("country:jp", "Japan", "country", title, body, "Japan")), topics, STORY.get(number),
          "2.0.0", now));
    }
    return articles;
  }

  /** A tag whose mentions are the occurrences of {@code wording} in title and body. */
  static Tag tag(String id, String name, String type, String title, String body, String wording) {
    List<Mention> mentions = new ArrayList<>();
    for (TextField field : TextField.values()) {
      String text = field == TextField.TITLE ? title : body;
      for (int at = text.indexOf(wording); at >= 0; at = text.indexOf(wording, at + 1)) {
        mentions.add(new Mention(field, at, at + wording.length(), wording));
      }
    }
    return new Tag(id, name, type, mentions.size(), 0.5, mentions);
  }

  private static List<String> lines(String number) {
    try (var files = Files.list(SEEDS)) {
      Path seed = files.filter(file -> file.getFileName().toString().startsWith(number + "_")).findFirst().orElseThrow();
      return Files.readAllLines(seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
