package io.newsmonitor.systemtests;

import static io.newsmonitor.systemtests.Analyst.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.CloudEvents;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.Processes;
import io.newsmonitor.infra.local.LocalPlatform;
import io.newsmonitor.infra.local.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * alert-service killed (SIGKILL) between committing a match with its deliveries and sending them: once started again it
 * delivers the alert, to the webhook and to news.alerts, exactly once. The first instance runs with its sender switched
 * off, so that the crash surely falls between commit and send.
 */
class DeliveryAfterCrashIT {

  private static final Path REPO_ROOT = Path.of(System.getProperty("news.repo.root", "..")).toAbsolutePath().normalize();
  private static final ObjectMapper JSON = EventCodec.instance().mapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TITLE = "Japan in talks to join AUKUS Pillar II";
  private static final String BODY = "Japan may soon join Pillar II of the AUKUS pact, on advanced capabilities such as hypersonics.";

  @TempDir
  static Path dataDir;

  private static WebhookReceiver receiver;
  private static LocalPlatform platform;
  // Quarkus reads config/application.properties in its working directory, the platform's data directory, above its own.
  private static Path senderSwitch;

  @BeforeAll
  static void startAlertServiceThatDoesNotSend() throws IOException {
    receiver = new WebhookReceiver(0);
    senderSwitch = Files.createDirectories(dataDir.resolve("config")).resolve("application.properties");
    Files.writeString(senderSwitch, "alert.delivery.sender-enabled=false\n");
    platform = ANALYST.knownTo(LocalPlatform.builder())
        .repoRoot(REPO_ROOT)
        .dataDir(dataDir)
        .services(LocalPlatform.ALERT)
        .allowLoopbackWebhooks()
        .build();
    platform.start();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void anAlertCommittedButNotSentWhenTheServiceIsKilledIsDeliveredOnceAfterTheRestart() throws Exception {
    JsonNode subscription = post(platform.alertUrl() + "/api/subscriptions",
        JSON.writeValueAsString(Map.of("name", "Japan and AUKUS", "rule", "Japan + Pillar II", "webhookUrl", receiver.url() + "/alerts")));
    String subscriptionId = subscription.get("id").asText();
    String articleId = UUID.randomUUID().toString().replace("-", "");

    produce(articleId);

    await("the match and its deliveries committed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> deliveries().size() == 2);
    assertThat(deliveries()).allSatisfy(delivery -> {
      assertThat(delivery.get("status").asText()).isEqualTo("PENDING");
      assertThat(delivery.get("attempts").asInt()).isZero();
    });
    assertThat(receiver.received()).isEmpty();

    long pid = platform.pid(LocalPlatform.ALERT);
    platform.killService(LocalPlatform.ALERT);
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("alert-service pid %d after SIGKILL", pid).isEmpty();
    Files.delete(senderSwitch);
    platform.startService(LocalPlatform.ALERT);

    await("the alert at the webhook").atMost(Duration.ofSeconds(60)).until(() -> !receiver.received().isEmpty());
    await("every delivery done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> deliveries().stream().allMatch(delivery -> delivery.get("status").asText().equals("DELIVERED")));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(receiver.received())
        .as(() -> "POSTs at the webhook " + describe(receiver.received()) + "; deliveries " + deliveriesOrWhyNot()
            + "; last lines of " + platform.logFile(LocalPlatform.ALERT) + ":\n" + Processes.tail(platform.logFile(LocalPlatform.ALERT), 60))
        .hasSize(1));
    AlertRaised alert = EventCodec.instance().fromJson(receiver.received().getFirst().body(), AlertRaised.class);
    assertThat(alert.subscriptionId()).isEqualTo(subscriptionId);
    assertThat(alert.article().id()).isEqualTo(articleId);
    assertThat(deliveries()).allSatisfy(delivery -> assertThat(delivery.get("attempts").asInt()).isEqualTo(1));
    assertThat(publishedAlerts()).singleElement().satisfies(record -> {
      assertThat(record.key()).isEqualTo(subscriptionId);
      assertThat(new String(record.headers().lastHeader(CloudEvents.HEADER_ID).value(), StandardCharsets.UTF_8)).isEqualTo(alert.alertId());
    });
  }

  /** An article about Japan and AUKUS Pillar II, as enrich-service publishes it. */
  private static void produce(String articleId) throws Exception {
    ArticleIngested article = new ArticleIngested(articleId, 1, "https://example.org/news/" + articleId, new SourceRef("file-import", "Example"),
        TITLE, BODY, null, "en", OffsetDateTime.parse("2026-11-29T10:00:00Z"), false, Instant.parse("2026-11-29T10:05:00Z"), "sha256:" + "0".repeat(64));
    ArticleEnriched enriched = new ArticleEnriched(article, List.of(tag("country:jp", "Japan", "country", "Japan")),
        List.of(tag("topic:aukus-pillar-2", "AUKUS Pillar II", "topic", "Pillar II")), "story-" + articleId.substring(0, 16), "1.0.0", Instant.now());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
      ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_ENRICHED, articleId, EventCodec.instance().toJson(enriched));
      record.headers()
          .add(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION))
          .add(CloudEvents.HEADER_ID, bytes(articleId + ":1"))
          .add(CloudEvents.HEADER_TYPE, bytes(CloudEvents.TYPE_ARTICLE_ENRICHED))
          .add(CloudEvents.HEADER_SOURCE, bytes("/tests/system"))
          .add(CloudEvents.HEADER_TIME, bytes(Instant.now().toString()));
      producer.send(record).get();
    }
  }

  private static Tag tag(String id, String name, String type, String wording) {
    List<Mention> mentions = new ArrayList<>();
    for (TextField field : TextField.values()) {
      int at = (field == TextField.TITLE ? TITLE : BODY).indexOf(wording);
      if (at >= 0) {
        mentions.add(new Mention(field, at, at + wording.length(), wording));
      }
    }
    return new Tag(id, name, type, mentions.size(), 0.9, mentions);
  }

  /** Every record on news.alerts, read from the start. */
  private static List<ConsumerRecord<String, String>> publishedAlerts() {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
      consumer.subscribe(List.of(Topics.ALERTS));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      // The one alert is there already (its delivery is DELIVERED); polling on for a while shows nothing follows it.
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() == 1;
      });
      return records;
    }
  }

  private static String describe(List<WebhookReceiver.Request> posts) {
    return posts.stream()
        .map(post -> post.receivedAt() + " " + post.header("Idempotency-Key").orElse("-") + " answered " + post.status())
        .toList().toString();
  }

  private static String deliveriesOrWhyNot() {
    try {
      return deliveries().toString();
    } catch (IOException | InterruptedException | AssertionError e) {
      return "unknown (" + e + ")";
    }
  }

  private static List<JsonNode> deliveries() throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(ANALYST.signIn(HttpRequest.newBuilder(URI.create(platform.alertUrl() + "/api/deliveries")))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET /api/deliveries answered %s", response.body()).isEqualTo(200);
    List<JsonNode> all = new ArrayList<>();
    JSON.readTree(response.body()).forEach(all::add);
    return all;
  }

  private static JsonNode post(String url, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(ANALYST.signIn(HttpRequest.newBuilder(URI.create(url)))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s answered %s", url, response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
