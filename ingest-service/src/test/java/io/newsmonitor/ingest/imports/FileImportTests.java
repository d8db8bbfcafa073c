package io.newsmonitor.ingest.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.seed.Seeds;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FileImportTests.WithImportFolder.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FileImportTests {

  private static final Duration ARRIVAL = Duration.ofSeconds(30);
  private static TopicReader topic;

  /** A fresh import folder for this class, scanned often so that the test waits little. */
  public static class WithImportFolder implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        return Map.of("ingest.import.directory", Files.createTempDirectory("ingest-import-tests-").toString(),
            "ingest.import.scan-interval", "1s");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @ConfigProperty(name = "ingest.import.directory")
  Path folder;

  @BeforeAll
  static void openTopic() {
    topic = TopicReader.of(Topics.ARTICLES_INGESTED);
  }

  @AfterAll
  static void closeTopic() {
    topic.close();
  }

  @Test
  void uploadedNdjsonJsonAndSeedFilesArePublished() {
    String a = uniqueUrl();
    String b = uniqueUrl();
    given().contentType("application/x-ndjson").queryParam("filename", "week.ndjson").body((article(a, "A") + "\n\n" + article(b, "B") + "\n").getBytes(StandardCharsets.UTF_8))
        .when().post("/api/imports")
        .then()
        .statusCode(200)
        .body("published", equalTo(2))
        .body("results.line", org.hamcrest.Matchers.contains(1, 3))
        .body("results.id", org.hamcrest.Matchers.contains(ArticleIdentity.idOfUrl(a), ArticleIdentity.idOfUrl(b)));

    String c = uniqueUrl();
    String d = uniqueUrl();
    given().contentType(ContentType.JSON).queryParam("filename", "pair.json").body("[" + article(c, "C") + ", " + article(d, "D") + "]")
        .when().post("/api/imports")
        .then()
        .statusCode(200)
        .body("published", equalTo(2))
        .body("results.line", org.hamcrest.Matchers.contains(1, 2))
        .body("results.status", org.hamcrest.Matchers.contains("published", "published"));

    Path seed = Seeds.file("000");
    String seedId = ArticleIdentity.idOfGuid(FileImporter.SOURCE_ID, seed.getFileName().toString().replaceFirst("\\.txt$", ""));
    given().contentType(ContentType.BINARY).queryParam("filename", seed.getFileName().toString()).body(Seeds.read(seed).getBytes(StandardCharsets.UTF_8))
        .when().post("/api/imports")
        .then()
        .statusCode(200)
        .body("published", equalTo(1))
        .body("results[0].id", equalTo(seedId));

    Set<String> ids = Set.of(ArticleIdentity.idOfUrl(a), ArticleIdentity.idOfUrl(b), ArticleIdentity.idOfUrl(c), ArticleIdentity.idOfUrl(d), seedId);
    await().atMost(ARRIVAL).untilAsserted(() -> assertThat(recordsOf(ids)).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids));
    ArticleIngested fromSeed = article(recordsOf(Set.of(seedId)).get(0));
    assertThat(fromSeed.source().name()).isEqualTo("ICARO Media Group");
    assertThat(fromSeed.url()).isNull();
  }

  @Test
  void anUnknownExtensionOrAnEmptyFileIsA400() {
    given().contentType(ContentType.TEXT).queryParam("filename", "notes.docx").body("Some text.")
        .when().post("/api/imports")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("filename"))
        .body("detail", containsString(".docx"));
    given().contentType(ContentType.TEXT).queryParam("filename", "empty.ndjson").body(" \n")
        .when().post("/api/imports")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("body"));
  }

  @Test
  void droppedFilesAreImportedThenFiledAsProcessedOrFailed() throws IOException {
    String a = uniqueUrl();
    String b = uniqueUrl();
    drop("good.ndjson", article(a, "Dropped A") + "\n" + article(b, "Dropped B") + "\n");
    drop("bad.json", "{\"url\": \"" + uniqueUrl() + "\", \"body\": ");
    drop("half.ndjson", article(uniqueUrl(), "Valid") + "\n{\"body\": \"no url\"}\n");
    // Still being written: left alone.
    Files.writeString(folder.resolve("later.ndjson.part"), article(uniqueUrl(), "Partial"));

    await().atMost(ARRIVAL).untilAsserted(() -> {
      assertThat(folder.resolve("processed/good.ndjson")).exists();
      assertThat(folder.resolve("failed/bad.json")).exists();
      assertThat(folder.resolve("failed/half.ndjson")).exists();
    });
    assertThat(folder.resolve("good.ndjson")).doesNotExist();
    assertThat(folder.resolve("bad.json")).doesNotExist();
    assertThat(folder.resolve("processed/good.ndjson" + ImportDirectoryScanner.ERROR_SUFFIX)).doesNotExist();
    assertThat(Files.readString(folder.resolve("failed/bad.json" + ImportDirectoryScanner.ERROR_SUFFIX)))
        .contains("line 1: invalid").contains("not valid JSON");
    assertThat(Files.readString(folder.resolve("failed/half.ndjson" + ImportDirectoryScanner.ERROR_SUFFIX)))
        .contains("line 2: invalid: url: is required").doesNotContain("line 1");
    assertThat(folder.resolve("later.ndjson.part")).exists();

    Set<String> ids = Set.of(ArticleIdentity.idOfUrl(a), ArticleIdentity.idOfUrl(b));
    await().atMost(ARRIVAL).untilAsserted(() -> assertThat(recordsOf(ids)).hasSize(2));
    assertThat(recordsOf(ids).stream().map(record -> article(record).title()).collect(Collectors.toSet())).containsExactlyInAnyOrder("Dropped A", "Dropped B");
  }

  /** Writes under a temporary name and renames, as a well-behaved producer of the folder does. */
  private void drop(String name, String content) throws IOException {
    Path part = folder.resolve(name + ".part");
    Files.writeString(part, content, StandardCharsets.UTF_8);
    Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<ConsumerRecord<String, String>> recordsOf(Set<String> ids) {
    return topic.readAll().stream().filter(record -> ids.contains(record.key())).toList();
  }

  private static ArticleIngested article(ConsumerRecord<String, String> record) {
    return EventCodec.instance().fromJson(record.value(), ArticleIngested.class);
  }

  private static String article(String url, String title) {
    try {
      return EventCodec.instance().mapper().writeValueAsString(Map.of("url", url, "title", title, "body", "The story of " + title + ".", "source", "File News"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String uniqueUrl() {
    return "https://example.org/files/" + UUID.randomUUID();
  }
}
