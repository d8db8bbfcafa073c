package io.newsmonitor.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract's examples validate against their schemas, broken payloads do not, and JSON round trips lose nothing. */
class EventCodecTests {

  private final EventCodec codec = EventCodec.instance();

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("article-ingested.json", ArticleIngested.class, "contentHash"),
        Arguments.of("article-enriched.json", ArticleEnriched.class, "storyId"),
        Arguments.of("alert-raised.json", AlertRaised.class, "subscriptionId"));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleValidatesAgainstItsSchema(String file, Class<?> type, String requiredField) throws IOException {
    String json = example(file);

    assertThat(codec.violations(json, type)).isEmpty();
    assertThat(codec.fromJson(json, type)).isInstanceOf(type);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void payloadMissingARequiredFieldIsRejected(String file, Class<?> type, String requiredField) throws IOException {
    ObjectNode tree = (ObjectNode) codec.mapper().readTree(example(file));
    tree.remove(requiredField);
    String json = tree.toString();

    assertThat(codec.violations(json, type)).anySatisfy(v -> assertThat(v).contains(requiredField));
    assertThatThrownBy(() -> codec.fromJson(json, type))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining(requiredField);
  }

  @Test
  void nestedArticleIsCheckedAgainstTheIngestedSchema() throws IOException {
    ObjectNode tree = (ObjectNode) codec.mapper().readTree(example("article-enriched.json"));
    ((ObjectNode) tree.get("article")).put("contentHash", "md5:abc");

    assertThat(codec.violations(tree.toString(), ArticleEnriched.class)).anySatisfy(v -> assertThat(v).contains("contentHash"));
  }

  @Test
  void wrongTypesAndFormatsAreRejected() throws IOException {
    ObjectNode tree = (ObjectNode) codec.mapper().readTree(example("article-ingested.json"));
    tree.put("published", "08/04/2024 21h56");
    tree.put("revision", 0);

    assertThat(codec.violations(tree.toString(), ArticleIngested.class))
        .anySatisfy(v -> assertThat(v).contains("published"))
        .anySatisfy(v -> assertThat(v).contains("revision"));
  }

  @Test
  void textThatIsNotJsonIsRejected() {
    assertThatThrownBy(() -> codec.fromJson("{\"id\": ", ArticleIngested.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void producerCannotWriteAnEventThatBreaksItsSchema() {
    ArticleIngested badHash = new ArticleIngested(ingested().id(), 1, null, ingested().source(), "t", "b", null, null,
        ingested().published(), false, ingested().ingestedAt(), "not-a-hash");

    assertThatThrownBy(() -> codec.toJson(badHash)).isInstanceOf(InvalidEventException.class).hasMessageContaining("contentHash");
  }

  @Test
  void articleRoundTripKeepsNonAsciiTextAndTheOffset() {
    ArticleIngested article = ingested();

    ArticleIngested copy = codec.fromJson(codec.toJson(article), ArticleIngested.class);

    assertThat(copy).isEqualTo(article);
    assertThat(copy.published().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
    assertThat(copy.ingestedAt().getNano()).isEqualTo(123_456_789);
  }

  @Test
  void enrichedRoundTripIsLossless() {
    ArticleEnriched enriched = new ArticleEnriched(ingested(),
        List.of(new Tag("country:jp", "Japan", "country", 2, 0.875,
            List.of(new Mention(TextField.TITLE, 0, 7, "Japan’s"), new Mention(TextField.BODY, 10, 12, "日本")))),
        List.of(new Tag("topic:aukus-pillar-2", "AUKUS Pillar II", "topic", 1, 0.5,
            List.of(new Mention(TextField.BODY, 40, 49, "Pillar Ⅱ")))),
        "story-1", "2026.11.1", Instant.parse("2026-11-25T10:00:00.5Z"), ArticleEnriched.NOT_COVERED);

    assertThat(codec.fromJson(codec.toJson(enriched), ArticleEnriched.class)).isEqualTo(enriched);
  }

  @Test
  void enrichedRecordsOfTheFirstContractReadAsUnknownCoverage() {
    ArticleEnriched enriched = new ArticleEnriched(ingested(), List.of(), List.of(), "story-1", "1.0.0", Instant.parse("2026-11-25T10:00:00Z"));
    String withoutCoverage = codec.toJson(enriched).replace(",\"languageCoverage\":\"unknown\"", "");
    assertThat(withoutCoverage).doesNotContain("languageCoverage");

    assertThat(codec.fromJson(withoutCoverage, ArticleEnriched.class).languageCoverage()).isEqualTo(ArticleEnriched.UNKNOWN);
  }

  @Test
  void alertRoundTripIsLossless() {
    AlertRaised alert = new AlertRaised("alert-1", "sub-1", "Japon + Pilier Ⅱ", "Japon + \"Pilier II\"",
        new AlertRaised.Article(ingested().id(), 3, "https://exemple.fr/actualité?id=1", "Le Japon et l’AUKUS", "Le Monde",
            OffsetDateTime.of(2024, 10, 19, 8, 0, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30))),
        "story-1", Instant.parse("2024-10-19T11:30:00Z"),
        List.of(new AlertRaised.Reason("Japon", "actor country:jp (Japan)",
            List.of(new AlertRaised.Snippet(TextField.TITLE, "Le Japon et l’AUKUS", 3, 8)))));

    AlertRaised copy = codec.fromJson(codec.toJson(alert), AlertRaised.class);

    assertThat(copy).isEqualTo(alert);
    assertThat(copy.article().published().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
  }

  @Test
  void unknownFieldsFromANewerMinorVersionAreIgnored() throws IOException {
    ObjectNode tree = (ObjectNode) codec.mapper().readTree(example("article-ingested.json"));
    tree.put("wordCount", 42);

    assertThat(codec.fromJson(tree.toString(), ArticleIngested.class).id()).isEqualTo("5f1c0a9e3b7d4c2a8e6f1b0d9c8a7e6f");
  }

  @Test
  void topicNamesAndTypesAreTheContractOnes() {
    assertThat(Topics.deadLetter(Topics.ARTICLES_INGESTED)).isEqualTo("news.articles.ingested.dlq");
    assertThat(List.of(CloudEvents.TYPE_ARTICLE_INGESTED, CloudEvents.TYPE_ARTICLE_ENRICHED, CloudEvents.TYPE_ALERT_RAISED))
        .allSatisfy(type -> assertThat(type).matches("news\\.[a-z.]+\\.v\\d+"));
  }

  private static ArticleIngested ingested() {
    return new ArticleIngested("5f1c0a9e3b7d4c2a8e6f1b0d9c8a7e6f", 1, "https://www3.nhk.or.jp/news/日本語?q=ä",
        new SourceRef("nhk", "NHK — 日本放送協会"), "岸田首相、AUKUS「第2の柱」協力へ – Japan’s “Pillar Ⅱ”",
        "Der Premierminister äußerte sich am Montag.\u00a0Ça va: «Pilier II». 🇯🇵", "Zusammenfassung", "ja",
        OffsetDateTime.of(2024, 4, 8, 21, 56, 0, 0, ZoneOffset.ofHours(9)), false,
        Instant.parse("2024-04-08T12:57:03.123456789Z"),
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  }

  private static String example(String file) throws IOException {
    try (InputStream in = EventCodecTests.class.getResourceAsStream("/examples/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
