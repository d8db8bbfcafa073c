package io.newsmonitor.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.kb.KnowledgeBase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/tag} and the knowledge-base reload, on the whole service (real Kafka and PostgreSQL), with the knowledge
 * base read from a watched file.
 */
@QuarkusTest
@TestProfile(TagResourceTests.WatchedKnowledgeBaseFile.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TagResourceTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The shipped knowledge base, copied to a file that the service watches every 100 ms. */
  public static class WatchedKnowledgeBaseFile implements QuarkusTestProfile {

    static final Path FILE = copyOfShippedKnowledgeBase();

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("news.knowledge-base.file", FILE.toString(), "news.knowledge-base.poll-interval", "100ms");
    }

    private static Path copyOfShippedKnowledgeBase() {
      try (InputStream in = Objects.requireNonNull(KnowledgeBase.class.getClassLoader().getResourceAsStream(KnowledgeBase.DEFAULT_RESOURCE))) {
        Path dir = Files.createTempDirectory("kb-watched");
        Path file = dir.resolve("knowledge-base.json");
        Files.copy(in, file);
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void tagsATextWithOffsetsSalienceAndTheKnowledgeBaseVersion() {
    String version = KnowledgeBase.loadDefault().version();
    given().contentType(ContentType.JSON).body(Map.of(
            "title", "Japan to join AUKUS Pillar\u00a0Ⅱ projects",
            "text", "Tokyo and the AUKUS partners agreed to work on Pillar II defence capabilities, not on the submarines.",
            "language", "en"))
        .when().post("/api/tag")
        .then().statusCode(200).contentType(ContentType.JSON)
        .body("knowledgeBaseVersion", equalTo(version))
        .body("language", equalTo("en"))
        .body("languageCoverage", equalTo("COVERED"))
        .body("actors.id", hasItems("country:jp", "alliance:aukus"))
        .body("topics.id", hasItem("topic:aukus-pillar-2"))
        .body("topics.id", not(hasItem("topic:global-minimum-tax")))
        .body("actors.find { it.id == 'country:jp' }.mentions[0]", equalTo(Map.of("field", "title", "start", 0, "end", 5, "text", "Japan")))
        .body("actors.find { it.id == 'country:jp' }.mentionCount", equalTo(2))
        .body("actors.find { it.id == 'country:jp' }.salience", greaterThan(0.5f))
        .body("topics.find { it.id == 'topic:aukus-pillar-2' }.mentions[0].text", equalTo("AUKUS Pillar\u00a0Ⅱ"));
  }

  @Test
  void flagsALanguageTheKnowledgeBaseDoesNotCover() {
    given().contentType(ContentType.JSON).body(Map.of("title", "Japan und die NATO", "language", "de"))
        .when().post("/api/tag")
        .then().statusCode(200)
        .body("languageCoverage", equalTo("NOT_COVERED"))
        .body("actors.id", hasItems("country:jp", "alliance:nato"));
  }

  @Test
  void badInputIsAProblem() {
    given().contentType(ContentType.JSON).body(Map.of("title", " ", "language", "en"))
        .when().post("/api/tag")
        .then().statusCode(400).contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItem("text"));
    given().contentType(ContentType.JSON).body(Map.of("text", "Japan", "language", "not a language!"))
        .when().post("/api/tag")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("language"));
    given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(200_001)))
        .when().post("/api/tag")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors.field", hasItem("text"));
    given().contentType(ContentType.JSON).body("{\"title\": ")
        .when().post("/api/tag")
        .then().statusCode(400).contentType("application/problem+json");
    given().contentType(ContentType.JSON)
        .when().post("/api/tag")
        .then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void aChangedKnowledgeBaseFileIsUsedWithoutARestartAndABrokenOneIsRefused() throws IOException {
    String shipped = Files.readString(WatchedKnowledgeBaseFile.FILE, StandardCharsets.UTF_8);
    replace(shipped.replaceFirst("\"version\": \"[^\"]+\"", "\"version\": \"reloaded-1\"")
        .replace("\"Nippon\"", "\"Nippon\", \"Land of the Rising Sun\""));
    await().atMost(TIMEOUT).untilAsserted(() -> given().contentType(ContentType.JSON).body(Map.of("text", "The Land of the Rising Sun"))
        .when().post("/api/tag")
        .then().statusCode(200).body("knowledgeBaseVersion", equalTo("reloaded-1")).body("actors.id", hasItem("country:jp")));
    await().atMost(TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then()
        .body("checks.find { it.name == 'knowledge-base' }.data.version", equalTo("reloaded-1")));

    replace(shipped.replaceFirst("\"version\": \"[^\"]+\"", "\"version\": \"broken-2\"")
        .replaceFirst("\"parent\": \"alliance:aukus\"", "\"parent\": \"alliance:nowhere\""));
    await().atMost(TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then()
        .body("checks.find { it.name == 'knowledge-base' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'knowledge-base' }.data.version", equalTo("reloaded-1"))
        .body("checks.find { it.name == 'knowledge-base' }.data.lastReloadError", allOf(containsString("unknown parent alliance:nowhere"), startsWith("/"))));
    given().contentType(ContentType.JSON).body(Map.of("text", "The Land of the Rising Sun"))
        .when().post("/api/tag")
        .then().statusCode(200).body("knowledgeBaseVersion", equalTo("reloaded-1")).body("actors.id", hasItem("country:jp"));
  }

  /** As an operator should: written aside, then moved into place. */
  private static void replace(String json) throws IOException {
    Path aside = WatchedKnowledgeBaseFile.FILE.resolveSibling("knowledge-base.json.tmp");
    Files.writeString(aside, json, StandardCharsets.UTF_8);
    Files.move(aside, WatchedKnowledgeBaseFile.FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
