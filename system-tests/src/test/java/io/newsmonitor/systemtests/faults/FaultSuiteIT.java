package io.newsmonitor.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.Ports;
import io.newsmonitor.infra.local.LocalPlatform;
import io.newsmonitor.infra.local.PlainAnalyst;
import io.newsmonitor.infra.local.WebhookReceiver;
import io.newsmonitor.systemtests.faults.FaultLog.ReadinessObservation;
import io.newsmonitor.systemtests.faults.Tally.Pair;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite (issue 6): while an integrator pushes articles at a steady rate, every service is killed (SIGKILL) several
 * times, the broker is restarted (SIGTERM, and once SIGKILL), PostgreSQL is restarted, and the webhook receiver answers 503
 * for a while and is gone for another. Once everything has drained, each (subscription, story) expected must have exactly one
 * alert at the webhook, on {@code news.alerts} and in the inbox; the readiness of every service must have said DOWN while the
 * broker or the database was away and UP after. Figures go to {@code system-tests/target/reliability.md}.
 *
 * <p>Outside the default build: {@code ./run-faults [--minutes=N]} (Maven profile {@code faults}).
 */
@Tag("faults")
class FaultSuiteIT {

  private static final Path REPO_ROOT = Path.of(System.getProperty("news.repo.root", "..")).toAbsolutePath().normalize();
  private static final Duration FAULT_WINDOW = Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("faults.minutes", "4")) * 60));
  private static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "4"));
  private static final long SEED = Long.getLong("faults.seed", 6L);
  private static final int KILL_ROUNDS = Integer.getInteger("faults.kill-rounds", 2);
  private static final Duration SERVICE_DOWN = Duration.ofSeconds(3);
  /** How long the broker and PostgreSQL stay down; past 60 s the services' consumers give up on their records (see docs/reliability.md). */
  private static final Duration INFRA_DOWN = Duration.ofSeconds(Long.getLong("faults.outage-seconds", 20));
  private static final Duration WEBHOOK_DOWN = Duration.ofSeconds(30);
  private static final Duration READINESS_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(6);
  private static final PlainAnalyst ANALYST = new PlainAnalyst("reliability", "reliability-password");
  private static final ObjectMapper JSON = EventCodec.instance().mapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  static Path dataDir;

  private static LocalPlatform platform;
  private static final List<WebhookReceiver> receivers = new CopyOnWriteArrayList<>();
  private static int receiverPort;
  private static Instant runStarted;

  private final FaultLog log = new FaultLog();

  @BeforeAll
  static void startSystem() {
    runStarted = Instant.now();
    receiverPort = Ports.free();
    receivers.add(new WebhookReceiver(receiverPort));
    platform = ANALYST.knownTo(LocalPlatform.builder())
        .repoRoot(REPO_ROOT)
        .dataDir(dataDir)
        // PostgreSQL on its own data directory and port, so that it can be stopped and started under the services.
        .persistent(true)
        .allowLoopbackWebhooks()
        // Retries every 10 s at most instead of 5 min, so that the run drains within minutes of the receiver's return; the
        // 24 attempts then span about 4 minutes, still well over the receiver's outage.
        .env("ALERT_DELIVERY_BACKOFF_CAP", "10s")
        .build();
    platform.start();
  }

  @AfterAll
  static void stopSystem() {
    if (platform != null) {
      platform.close();
    }
    receivers.forEach(WebhookReceiver::close);
  }

  @Test
  void everyExpectedAlertArrivesExactlyOnceWhateverFails() throws Exception {
    Map<String, String> subscriptionByCountry = new LinkedHashMap<>();
    for (String country : GeneratedNews.SUBSCRIBED) {
      JsonNode subscription = post(platform.alertUrl() + "/api/subscriptions", JSON.writeValueAsString(Map.of(
          "name", country + " watch", "rule", country, "webhookUrl", receiverUrl() + "/alerts/" + country.toLowerCase())));
      subscriptionByCountry.put(country, subscription.get("id").asText());
    }

    Instant faultsBegan = Instant.now();
    Pusher pusher = new Pusher(platform.ingestUrl(), new GeneratedNews(SEED), RATE);
    pusher.start();
    List<Runnable> faults = faultSchedule();
    for (int i = 0; i < faults.size(); i++) {
      faults.get(i).run();
      Duration left = Duration.between(Instant.now(), faultsBegan.plus(FAULT_WINDOW));
      // Articles flow between faults; the faults spread over the window the run was given.
      hold(max(Duration.ofSeconds(5), left.dividedBy(faults.size() - i)));
    }
    pusher.finish(Duration.ofMinutes(3));
    Instant pushed = Instant.now();

    boolean drained = awaitDrained();
    Duration drain = Duration.between(pushed, Instant.now());

    Map<String, GeneratedNews.Article> articles = pusher.accepted();
    Set<Pair> expected = expectedPairs(articles, subscriptionByCountry);
    Enriched enriched = new Enriched(records(Topics.ARTICLES_ENRICHED), articles);
    List<Tally> tallies = List.of(webhookTally(articles, expected), topicTally(articles, expected), inboxTally(articles, expected));
    Map<String, Long> deliveries = deliveriesByStatus();
    Map<String, Map<String, Integer>> deadLetters = new LinkedHashMap<>();
    for (String topic : List.of(Topics.ARTICLES_INGESTED + ".dlq", Topics.ARTICLES_ENRICHED + ".dlq")) {
      deadLetters.put(topic, deadLetterReasons(topic));
    }

    ReliabilityReport report = new ReliabilityReport(drained, FAULT_WINDOW, RATE, SEED, pusher, articles, enriched.neverEnriched(), enriched.deviations(),
        tallies, log, duplicatesByFault(pusher, enriched), deliveries, deadLetters, drain, Duration.between(runStarted, Instant.now()), webhookRetries());
    Path file = Files.createDirectories(REPO_ROOT.resolve("system-tests/target")).resolve("reliability.md");
    Files.writeString(file, report.markdown());
    System.out.println(report.markdown());

    // Every verdict at once: a run is minutes long, and one loss explains the next.
    SoftAssertions.assertSoftly(softly -> {
      for (Tally tally : tallies) {
        softly.assertThat(tally.missing()).as("(subscription, story) without an alert at %s: %s", tally.place(), Tally.sample(tally.missing())).isEmpty();
        softly.assertThat(tally.doubled()).as("(subscription, story) alerted twice at %s: %s", tally.place(), Tally.sample(tally.doubled())).isEmpty();
        softly.assertThat(tally.unexpected()).as("alerts nobody expected at %s: %s", tally.place(), Tally.sample(tally.unexpected())).isEmpty();
      }
      softly.assertThat(deadLetters).as("records sent to a dead-letter topic, by reason (lost to the pipeline)").allSatisfy((topic, reasons) -> assertThat(reasons).isEmpty());
      softly.assertThat(enriched.neverEnriched()).as("articles accepted but never enriched").isEmpty();
      softly.assertThat(drained).as("drained within %s (see %s)", DRAIN_TIMEOUT, file).isTrue();
      softly.assertThat(deliveries.keySet()).as("deliveries parked as FAILED").noneMatch(channelAndStatus -> channelAndStatus.endsWith(" FAILED"));
      softly.assertThat(enriched.deviations()).as("stories as generated: each its own story id, a copy in its original's, tagged with its countries").isEmpty();
      softly.assertThat(log.readiness()).as("readiness DOWN (503) while the broker or PostgreSQL was down, UP (200) after")
          .allSatisfy(observation -> assertThat(observation.down().isPresent() && observation.up().isPresent()).as(observation.toString()).isTrue());
      softly.assertThat(log.readiness()).as("readiness probes answered within %s during the outages", ReadinessWatch.PROBE_TIMEOUT)
          .allSatisfy(observation -> assertThat(observation.unanswered()).as(observation.toString()).isEmpty());
    });
  }

  // ---- The faults ------------------------------------------------------------------------------------------------------

  private List<Runnable> faultSchedule() {
    List<Runnable> schedule = new ArrayList<>();
    for (int round = 1; round <= KILL_ROUNDS; round++) {
      LocalPlatform.SERVICES.forEach(service -> schedule.add(() -> killAndRestart(service)));
      switch (round) {
        case 1 -> {
          schedule.add(() -> brokerOutage("Kafka broker restarted (SIGTERM)", () -> platform.kafka().stop()));
          schedule.add(this::webhookAnswering503);
        }
        default -> {
          schedule.add(this::postgresOutage);
          schedule.add(() -> brokerOutage("Kafka broker killed (SIGKILL)", () -> platform.kafka().kill()));
          schedule.add(this::webhookGone);
        }
      }
    }
    return schedule;
  }

  private void killAndRestart(String service) {
    Instant began = Instant.now();
    platform.killService(service);
    hold(SERVICE_DOWN);
    platform.startService(service);
    log.add(service + " killed (SIGKILL)", began, Duration.between(began, Instant.now()));
  }

  private void brokerOutage(String kind, Runnable stop) {
    outage(kind, stop, () -> platform.kafka().start());
  }

  private void postgresOutage() {
    outage("PostgreSQL restarted", platform::stopPostgres, platform::startPostgres);
  }

  /** Holds the part down for a while, restarts it, and says how each service's readiness followed. */
  private void outage(String kind, Runnable stop, Runnable restart) {
    Instant began = Instant.now();
    Map<String, ReadinessWatch> watches = new LinkedHashMap<>();
    LocalPlatform.SERVICES.forEach(service -> watches.put(service, ReadinessWatch.start(platform.url(service), began)));
    stop.run();
    hold(INFRA_DOWN);
    restart.run();
    log.add(kind, began, Duration.between(began, Instant.now()));
    watches.values().forEach(ReadinessWatch::restarted);
    watches.forEach((service, watch) -> {
      try {
        Optional<Duration> up = watch.awaitUp(READINESS_TIMEOUT);
        log.observed(new ReadinessObservation(kind, service, watch.down(), watch.unanswered(), up));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while watching readiness", e);
      }
    });
  }

  private void webhookAnswering503() {
    Instant began = Instant.now();
    receivers.getLast().respondWith(503);
    hold(WEBHOOK_DOWN);
    receivers.getLast().respondWith(200);
    log.add("webhook receiver answering 503", began, Duration.between(began, Instant.now()));
  }

  private void webhookGone() {
    Instant began = Instant.now();
    receivers.getLast().close();
    hold(WEBHOOK_DOWN);
    receivers.add(new WebhookReceiver(receiverPort));
    log.add("webhook receiver down (connection refused)", began, Duration.between(began, Instant.now()));
  }

  /** A deliberate outage or a spell of traffic between faults: time passing is the point, nothing is waited for. */
  private static void hold(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while holding a fault", e);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  // ---- Draining --------------------------------------------------------------------------------------------------------

  /** False when the pipeline did not drain in time: it is counted and reported all the same, what is missing says more. */
  private boolean awaitDrained() {
    try {
      await("the pipeline drained: every record consumed, every delivery settled").atMost(DRAIN_TIMEOUT).pollInterval(Duration.ofSeconds(2))
          .ignoreExceptions()
          .until(this::drained);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private boolean drained() throws Exception {
    return consumedEverything("enrich-service", Topics.ARTICLES_INGESTED)
        && consumedEverything("alert-service", Topics.ARTICLES_ENRICHED)
        && deliveriesByStatus().keySet().stream().noneMatch(channelAndStatus -> channelAndStatus.endsWith(" PENDING"));
  }

  private static boolean consumedEverything(String group, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .collect(Collectors.toSet());
      Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
          .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      return partitions.stream().allMatch(p -> ends.get(p) == 0 || committed.containsKey(p) && committed.get(p).offset() >= ends.get(p));
    }
  }

  /**
   * alert-service's outbox by channel and status ({@code webhook DELIVERED} …), read from its table: the API pages deliveries
   * newest first, and this run makes thousands.
   */
  private static Map<String, Long> deliveriesByStatus() throws SQLException {
    Map<String, Long> byStatus = new TreeMap<>();
    try (Connection connection = platform.postgres().connect(LocalPlatform.DATABASE); Statement sql = connection.createStatement();
         ResultSet rows = sql.executeQuery("select channel || ' ' || status, count(*) from alert.delivery group by 1")) {
      while (rows.next()) {
        byStatus.put(rows.getString(1), rows.getLong(2));
      }
    }
    return byStatus;
  }

  // ---- Counting --------------------------------------------------------------------------------------------------------

  private static Set<Pair> expectedPairs(Map<String, GeneratedNews.Article> articles, Map<String, String> subscriptionByCountry) {
    Set<Pair> expected = new HashSet<>();
    for (GeneratedNews.Article article : articles.values()) {
      for (String country : article.story().countries()) {
        Optional.ofNullable(subscriptionByCountry.get(country)).ifPresent(subscription -> expected.add(new Pair(subscription, article.story().number())));
      }
    }
    return expected;
  }

  private static Pair pair(AlertRaised alert, Map<String, GeneratedNews.Article> articles) {
    GeneratedNews.Article article = articles.get(alert.article().id());
    // An alert for an article nobody pushed has no story of ours: -1 makes it unexpected.
    return new Pair(alert.subscriptionId(), article == null ? -1 : article.story().number());
  }

  private static Tally webhookTally(Map<String, GeneratedNews.Article> articles, Set<Pair> expected) {
    Tally.Builder tally = new Tally.Builder("webhook (POSTs answered 2xx)", expected);
    for (WebhookReceiver.Request request : allRequests()) {
      if (request.status() / 100 == 2) {
        AlertRaised alert = EventCodec.instance().fromJson(request.body(), AlertRaised.class);
        tally.add(alert.alertId(), pair(alert, articles));
      }
    }
    return tally.build();
  }

  private static Tally topicTally(Map<String, GeneratedNews.Article> articles, Set<Pair> expected) {
    Tally.Builder tally = new Tally.Builder(Topics.ALERTS + " (whole topic)", expected);
    for (ConsumerRecord<String, String> record : records(Topics.ALERTS)) {
      AlertRaised alert = EventCodec.instance().fromJson(record.value(), AlertRaised.class);
      tally.add(alert.alertId(), pair(alert, articles));
    }
    return tally.build();
  }

  private static Tally inboxTally(Map<String, GeneratedNews.Article> articles, Set<Pair> expected) throws IOException, InterruptedException {
    Tally.Builder tally = new Tally.Builder("inbox API", expected);
    int pageSize = 1000;
    for (int offset = 0; ; offset += pageSize) {
      JsonNode page = get(platform.alertUrl() + "/api/inbox?limit=" + pageSize + "&offset=" + offset);
      for (JsonNode item : page) {
        GeneratedNews.Article article = articles.get(item.get("article").get("id").asText());
        tally.add(item.get("matchId").asText(), new Pair(item.get("subscriptionId").asText(), article == null ? -1 : article.story().number()));
      }
      if (page.size() < pageSize) {
        return tally.build();
      }
    }
  }

  /** A dead-letter topic's records by the reason the connector wrote in their header (its first words). */
  private static Map<String, Integer> deadLetterReasons(String topic) {
    Map<String, Integer> reasons = new TreeMap<>();
    for (ConsumerRecord<String, String> record : records(topic)) {
      Header reason = record.headers().lastHeader("dead-letter-reason");
      String text = reason == null ? "(no reason)" : new String(reason.value(), StandardCharsets.UTF_8);
      reasons.merge(text.substring(0, Math.min(text.length(), 100)), 1, Integer::sum);
    }
    return reasons;
  }

  /** Raw POSTs, and those that repeat an Idempotency-Key seen before (retries after a failure, or a delivery made twice). */
  private static Map<String, Integer> webhookRetries() {
    Set<String> keys = new HashSet<>();
    Set<String> acknowledged = new HashSet<>();
    int posts = 0;
    int repeated = 0;
    int repeatedAfterAcknowledgement = 0;
    for (WebhookReceiver.Request request : allRequests()) {
      posts++;
      String key = request.header("Idempotency-Key").orElse("");
      if (!keys.add(key)) {
        repeated++;
      }
      if (acknowledged.contains(key)) {
        repeatedAfterAcknowledgement++;
      }
      if (request.status() / 100 == 2) {
        acknowledged.add(key);
      }
    }
    Map<String, Integer> figures = new LinkedHashMap<>();
    figures.put("POSTs", posts);
    allRequests().stream().collect(Collectors.groupingBy(request -> "POSTs answered " + request.status(), TreeMap::new, Collectors.counting()))
        .forEach((status, count) -> figures.put(status, count.intValue()));
    figures.put("retries (an Idempotency-Key seen before)", repeated);
    figures.put("of which after a 2xx (a duplicate the key lets the receiver drop)", repeatedAfterAcknowledgement);
    return figures;
  }

  /** Per fault kind (the last one begun before), the copies each layer absorbed: pushed, enriched, published or POSTed again. */
  private Map<String, Map<String, Integer>> duplicatesByFault(Pusher pusher, Enriched enriched) {
    Map<String, List<Instant>> byLayer = new LinkedHashMap<>();
    byLayer.put("ingest: pushed again, answered duplicate", pusher.duplicateTimes());
    byLayer.put("enrich: article enriched again", enriched.repeats);
    List<Instant> alertRepeats = new ArrayList<>();
    Set<String> alertIds = new HashSet<>();
    for (ConsumerRecord<String, String> record : records(Topics.ALERTS)) {
      if (!alertIds.add(EventCodec.instance().fromJson(record.value(), AlertRaised.class).alertId())) {
        alertRepeats.add(Instant.ofEpochMilli(record.timestamp()));
      }
    }
    byLayer.put("news.alerts: alert published again", alertRepeats);
    List<Instant> webhookRepeats = new ArrayList<>();
    Set<String> acknowledged = new HashSet<>();
    for (WebhookReceiver.Request request : allRequests()) {
      if (request.status() / 100 == 2 && !acknowledged.add(request.header("Idempotency-Key").orElse(""))) {
        webhookRepeats.add(request.receivedAt());
      }
    }
    byLayer.put("webhook: delivered again after a 2xx", webhookRepeats);
    Map<String, Map<String, Integer>> byFault = new LinkedHashMap<>();
    byLayer.forEach((layer, times) -> times.forEach(at ->
        byFault.computeIfAbsent(log.kindAt(at), kind -> new LinkedHashMap<>()).merge(layer, 1, Integer::sum)));
    return byFault;
  }

  private static List<WebhookReceiver.Request> allRequests() {
    return receivers.stream().flatMap(receiver -> receiver.received().stream()).toList();
  }

  /**
   * news.articles.enriched as read: the story and countries of each article, when an article was enriched again (after a
   * fault), and where the stories and tags differ from what was generated.
   */
  private static final class Enriched {

    private final Map<String, GeneratedNews.Article> articles;
    private final Map<String, String> storyByArticle = new HashMap<>();
    private final Map<String, Set<String>> countriesByArticle = new HashMap<>();
    private final List<Instant> repeats = new ArrayList<>();
    private final List<String> inconsistent = new ArrayList<>();

    Enriched(List<ConsumerRecord<String, String>> records, Map<String, GeneratedNews.Article> articles) {
      this.articles = articles;
      for (ConsumerRecord<String, String> record : records) {
        ArticleEnriched enriched = EventCodec.instance().fromJson(record.value(), ArticleEnriched.class);
        String id = enriched.article().id();
        String previous = storyByArticle.put(id, enriched.storyId());
        if (previous != null) {
          repeats.add(Instant.ofEpochMilli(record.timestamp()));
          if (!previous.equals(enriched.storyId())) {
            inconsistent.add("article " + id + " enriched twice, into stories " + previous + " and " + enriched.storyId());
          }
        }
        countriesByArticle.put(id, enriched.actors().stream().filter(tag -> tag.type().equals("country")).map(tag -> tag.name()).collect(Collectors.toSet()));
      }
    }

    /** Articles ingest accepted that never reached news.articles.enriched: lost before any alert could be raised. */
    List<String> neverEnriched() {
      return articles.entrySet().stream()
          .filter(entry -> !storyByArticle.containsKey(entry.getKey()))
          .map(entry -> entry.getKey() + " (" + entry.getValue().url() + ")")
          .sorted()
          .toList();
    }

    /** Where enrich-service's stories and tags differ from the generated ones, among the articles it enriched. */
    List<String> deviations() {
      List<String> deviations = new ArrayList<>(inconsistent);
      Map<Integer, Set<String>> storyIdsByStory = new TreeMap<>();
      Map<String, Set<Integer>> storiesByStoryId = new HashMap<>();
      articles.forEach((id, article) -> {
        String storyId = storyByArticle.get(id);
        if (storyId == null) {
          return;
        }
        storyIdsByStory.computeIfAbsent(article.story().number(), number -> new HashSet<>()).add(storyId);
        storiesByStoryId.computeIfAbsent(storyId, key -> new HashSet<>()).add(article.story().number());
        if (!countriesByArticle.get(id).equals(article.story().countries())) {
          deviations.add("article " + id + " (" + article.url() + ") tagged " + countriesByArticle.get(id) + ", generated " + article.story().countries());
        }
      });
      storyIdsByStory.forEach((number, ids) -> {
        if (ids.size() > 1) {
          deviations.add("story " + number + " split into " + ids);
        }
      });
      storiesByStoryId.forEach((storyId, numbers) -> {
        if (numbers.size() > 1) {
          deviations.add("stories " + numbers + " joined into " + storyId);
        }
      });
      return deviations;
    }
  }

  private static String receiverUrl() {
    return "http://127.0.0.1:" + receiverPort;
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

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(ANALYST.signIn(HttpRequest.newBuilder(URI.create(url))).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s answered %s", url, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Every record of a topic, from the beginning to its end offsets as they are now. */
  private static List<ConsumerRecord<String, String>> records(String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      if (partitions.isEmpty()) {
        return records;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await("the whole of " + topic).atMost(Duration.ofMinutes(2)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
      });
      return records;
    }
  }
}
