package io.newsmonitor.alert.matching;

import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The five seed articles of {@code samples/seeds} as enrich-service publishes them: Japan and AUKUS Pillar II on all but
 * 003 (Japan only: it is about hypersonics), and the stories enrich gives them, 000, 001 and 002 in one (started by 000),
 * 003 and 004 each in its own. A story id is {@code story-} and the first 16 characters of the id of the article that
 * started it.
 */
final class SeedArticles {

  /** Relative to the module, where Maven runs the tests. */
  private static final Path DIR = Path.of("../samples/seeds");
  private static final Pattern JAPAN = Pattern.compile("Japan");
  private static final Pattern PILLAR_TWO = Pattern.compile("Pillar (II|Two|2)|second pillar");
  private static final Map<String, String> STORY_STARTED_BY = Map.of("000", "000", "001", "000", "002", "000", "003", "003", "004", "004");

  private SeedArticles() {
  }

  /** Seed number ("000" …) to its enriched article, in seed order, with fresh article ids. */
  static Map<String, ArticleEnriched> enriched() {
    Map<String, String> ids = new LinkedHashMap<>();
    STORY_STARTED_BY.keySet().stream().sorted().forEach(number -> ids.put(number, UUID.randomUUID().toString().replace("-", "")));
    Map<String, ArticleEnriched> articles = new LinkedHashMap<>();
    for (Map.Entry<String, String> seed : ids.entrySet()) {
      String number = seed.getKey();
      String story = "story-" + ids.get(STORY_STARTED_BY.get(number)).substring(0, 16);
      articles.put(number, enriched(number, seed.getValue(), story));
    }
    return articles;
  }

  private static ArticleEnriched enriched(String number, String id, String story) {
    List<String> lines = lines(number);
    int first = 0;
    while (lines.get(first).isBlank()) {
      first++;
    }
    String title = lines.get(first).strip();
    String body = String.join("\n", lines.subList(first + 1, lines.size())).strip();
    ArticleIngested article = new ArticleIngested(id, 1, "https://example.org/seeds/" + number, new SourceRef("file-import", "Seed " + number), title,
        body, null, "en", OffsetDateTime.parse("2024-04-08T21:56:00+02:00"), false, Instant.parse("2024-04-08T20:00:00Z"), "sha256:" + "0".repeat(64));
    List<Tag> topics = number.equals("003") ? List.of() : List.of(tag("topic:aukus-pillar-2", "AUKUS Pillar II", "topic", PILLAR_TWO, title, body));
    return new ArticleEnriched(article, List.of(tag("country:jp", "Japan", "country", JAPAN, title, body)), topics, story, "1.0.0", Instant.now());
  }

  private static Tag tag(String id, String name, String type, Pattern wording, String title, String body) {
    List<Mention> mentions = new ArrayList<>();
    for (TextField field : TextField.values()) {
      Matcher found = wording.matcher(field == TextField.TITLE ? title : body);
      while (found.find()) {
        mentions.add(new Mention(field, found.start(), found.end(), found.group()));
      }
    }
    return new Tag(id, name, type, mentions.size(), 0.8, mentions);
  }

  private static List<String> lines(String number) {
    try (Stream<Path> files = Files.list(DIR)) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith(number + "_")).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no seed " + number + " in " + DIR.toAbsolutePath()));
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
