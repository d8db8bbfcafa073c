package io.newsmonitor.alert.preview;

import static io.newsmonitor.alert.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;

import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/rules/preview on real Kafka and PostgreSQL: the seeds go through the topic and are stored by the consumer,
 * other articles are stored directly.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PreviewResourceTests {

  /** Seeds are sent once per class; their ids carry this run's marker. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Inject
  StoredArticles storedArticles;

  @Inject
  ArticleRetention retention;

  @BeforeEach
  void storeSeedsThroughTheTopic() {
    StoredSeeds.storeThroughTheTopic(RUN, storedArticles);
  }

  @Test
  void japanAndPillarTwoFindsTheFourSeedsAboutPillarTwoWithSnippets() {
    JsonPath preview = preview(Map.of("rule", "Japan + Pillar II"));

    List<String> seeds = seedIds(preview);
    assertThat(seeds).containsExactly(seed("000"), seed("001"), seed("002"), seed("004"));
    Map<String, Object> first = preview.getMap("matches.find { it.articleId == '" + seed("000") + "' }");
    assertThat(first).containsEntry("storyId", "story-a").containsEntry("source", "Seeds").containsEntry("url", "https://example.org/seeds/000")
        .containsEntry("revision", 1);
    assertThat((String) first.get("title")).startsWith("China Expresses Serious Concerns");
    assertThat((String) first.get("published")).isNotBlank();
    List<Map<String, Object>> reasons = preview.getList("matches.find { it.articleId == '" + seed("000") + "' }.reasons");
    assertThat(reasons).extracting(reason -> reason.get("term")).containsExactly("Japan", "Pillar II");
    assertThat(reasons).extracting(reason -> reason.get("matchedAs"))
        .containsExactly("actor country:jp (Japan)", "topic topic:aukus-pillar-2 (AUKUS Pillar II)");
    for (Map<String, Object> reason : reasons) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> snippets = (List<Map<String, Object>>) reason.get("snippets");
      assertThat(snippets).isNotEmpty().allSatisfy(snippet -> assertThat(highlighted(snippet)).isIn("Japan", "Pillar II"));
    }
    assertThat(preview.getInt("scanned")).isGreaterThanOrEqualTo(4);
    assertThat(preview.getLong("inWindow")).isGreaterThanOrEqualTo(5);
    assertThat(preview.getBoolean("truncated")).isFalse();
    assertThat(preview.getInt("days")).isEqualTo(7);
    assertThat(preview.getInt("limit")).isEqualTo(50);
    assertThat(preview.getLong("tookMs")).isNotNegative();
    assertThat(preview.getMap("$")).doesNotContainKey("whyNot");
  }

  @Test
  void whyNotForSeedThreeNamesPillarTwoAsTheFailingPart() {
    JsonPath preview = preview(Map.of("rule", "Japan + Pillar II", "articleId", seed("003")));

    assertThat(preview.getString("whyNot.articleId")).isEqualTo(seed("003"));
    assertThat(preview.getBoolean("whyNot.matched")).isFalse();
    assertThat(preview.getBoolean("whyNot.inWindow")).isTrue();
    assertThat(preview.getList("whyNot.failedParts")).containsExactly("Pillar II");
    assertThat(preview.getList("whyNot.matchedParts.term")).containsExactly("Japan");
    assertThat(preview.getList("whyNot.matchedParts[0].snippets")).isNotEmpty();
    assertThat(seedIds(preview)).doesNotContain(seed("003"));
  }

  @Test
  void whyForAnArticleThatMatchesListsTheMatchedPartsAndNoFailure() {
    JsonPath preview = preview(Map.of("rule", "Japan + Pillar II", "articleId", seed("001")));

    assertThat(preview.getBoolean("whyNot.matched")).isTrue();
    assertThat(preview.getList("whyNot.matchedParts.term")).containsExactly("Japan", "Pillar II");
    assertThat(preview.getList("whyNot.failedParts")).isEmpty();
  }

  @Test
  void aNotRuleFindsTheSeedWithoutPillarTwoAndExplainsByJapanAlone() {
    JsonPath preview = preview(Map.of("rule", "Japan AND NOT Pillar II", "articleId", seed("000")));

    assertThat(seedIds(preview)).containsExactly(seed("003"));
    assertThat(preview.getList("matches.find { it.articleId == '" + seed("003") + "' }.reasons.term")).containsExactly("Japan");
    assertThat(preview.getBoolean("whyNot.matched")).isFalse();
    assertThat(preview.getList("whyNot.failedParts")).containsExactly("NOT Pillar II");
  }

  @Test
  void aPhraseAPrefixAndAProximityFindTheirWords() {
    assertThat(seedIds(preview(Map.of("rule", "\"Pillar Two\"")))).containsExactly(seed("001"));
    assertThat(seedIds(preview(Map.of("rule", "\"Mao Ning\" OR \"Kurt Campbell\"")))).containsExactly(seed("000"), seed("001"), seed("002"), seed("004"));
    assertThat(seedIds(preview(Map.of("rule", "hyperson* AND title:Japan")))).containsExactly(seed("000"), seed("001"), seed("003"), seed("004"));
    assertThat(seedIds(preview(Map.of("rule", "\"Campbell Japan\"~5")))).containsExactly(seed("002"), seed("004"));
  }

  @Test
  void aRuleThatDoesNotParseIsRefusedWithThePosition() {
    given().contentType(ContentType.JSON).body(Map.of("rule", "Japan + Korea)"))
        .when().post("/api/rules/preview")
        .then().statusCode(400).contentType("application/problem+json")
        .body("status", org.hamcrest.Matchers.is(400))
        .body("errors[0].field", org.hamcrest.Matchers.is("rule"))
        .body("errors[0].message", org.hamcrest.Matchers.is("unexpected ')' at 13"));
  }

  @Test
  void daysAndLimitOutOfRangeAreRefused() {
    given().contentType(ContentType.JSON).body(Map.of("rule", "Japan", "days", 0, "limit", 501))
        .when().post("/api/rules/preview")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.contains("days", "limit"));
  }

  @Test
  void anUnknownArticleIdIsNotFound() {
    given().contentType(ContentType.JSON).body(Map.of("rule", "Japan", "articleId", "no-such-article"))
        .when().post("/api/rules/preview")
        .then().statusCode(404).contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("no-such-article"));
  }

  @Test
  void onlyArticlesPublishedWithinTheDaysAreMatched() {
    String word = "zanzibarite" + RUN;
    String tenDaysOld = store(article(newArticleId(), 1, "A report on " + word, Instant.now().minus(10, ChronoUnit.DAYS)));
    String twoDaysOld = store(article(newArticleId(), 1, "Another report on " + word, Instant.now().minus(2, ChronoUnit.DAYS)));

    assertThat(preview(Map.of("rule", word)).getList("matches.articleId")).containsExactly(twoDaysOld);
    assertThat(preview(Map.of("rule", word, "days", 14)).getList("matches.articleId")).containsExactly(twoDaysOld, tenDaysOld);
    JsonPath outside = preview(Map.of("rule", word, "articleId", tenDaysOld));
    assertThat(outside.getBoolean("whyNot.matched")).isTrue();
    assertThat(outside.getBoolean("whyNot.inWindow")).isFalse();
  }

  @Test
  void theListIsCutAtTheLimitNewestFirst() {
    JsonPath preview = preview(Map.of("rule", "Japan", "limit", 2));

    assertThat(preview.getList("matches.articleId")).hasSize(2);
    assertThat(preview.getBoolean("truncated")).isTrue();
    List<String> published = preview.getList("matches.published");
    assertThat(Instant.parse(published.get(0))).isAfterOrEqualTo(Instant.parse(published.get(1)));
  }

  @Test
  void aLaterRevisionReplacesTheStoredArticleAndAnOlderOneIsIgnored() {
    String id = newArticleId();
    store(article(id, 2, "The corrected wording: kestrelwing" + RUN, Instant.now().minus(1, ChronoUnit.HOURS)));
    store(article(id, 1, "The first wording: merlinwing" + RUN, Instant.now().minus(1, ChronoUnit.HOURS)));

    assertThat(storedArticles.find(id)).hasValueSatisfying(stored -> assertThat(stored.article().revision()).isEqualTo(2));
    assertThat(preview(Map.of("rule", "kestrelwing" + RUN)).getList("matches.articleId")).containsExactly(id);
    assertThat(preview(Map.of("rule", "merlinwing" + RUN)).getList("matches")).isEmpty();
    store(article(id, 3, "The final wording: merlinwing" + RUN, Instant.now().minus(1, ChronoUnit.HOURS)));
    assertThat(preview(Map.of("rule", "merlinwing" + RUN)).getList("matches.articleId")).containsExactly(id);
  }

  @Test
  void articlesPastTheRetentionArePurged() {
    String old = store(article(newArticleId(), 1, "An old story", Instant.now().minus(31, ChronoUnit.DAYS)));
    String recent = store(article(newArticleId(), 1, "A recent story", Instant.now().minus(29, ChronoUnit.DAYS)));

    retention.purge();

    assertThat(storedArticles.find(old)).isEmpty();
    assertThat(storedArticles.find(recent)).isPresent();
  }

  private String store(ArticleEnriched article) {
    QuarkusTransaction.requiringNew().run(() -> storedArticles.store(article));
    return article.article().id();
  }

  static ArticleEnriched article(String id, int revision, String body, Instant published) {
    ArticleIngested ingested = new ArticleIngested(id, revision, "https://example.org/" + id, new SourceRef("tests", "Tests"), "Untitled " + id,
        body, null, "en", published.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), false, Instant.now(), "sha256:" + revision);
    return new ArticleEnriched(ingested, List.of(), List.of(), "story-" + id, "2.0.0", Instant.now());
  }

  static JsonPath preview(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(new HashMap<>(body))
        .when().post("/api/rules/preview")
        .then().statusCode(200).contentType(ContentType.JSON)
        .extract().jsonPath();
  }

  private static String seed(String number) {
    return StoredSeeds.id(RUN, number);
  }

  /** The matches that are this run's seeds, in the answer's order. */
  private static List<String> seedIds(JsonPath preview) {
    return preview.getList("matches.articleId", String.class).stream().filter(id -> id.startsWith(StoredSeeds.prefix(RUN))).toList();
  }

  private static String highlighted(Map<String, Object> snippet) {
    return ((String) snippet.get("text")).substring((Integer) snippet.get("highlightStart"), (Integer) snippet.get("highlightEnd"));
  }
}
