package io.newsmonitor.benchmarks;

import static io.newsmonitor.benchmarks.Harness.awaitUntil;
import static io.newsmonitor.benchmarks.Harness.check;
import static io.newsmonitor.benchmarks.Harness.seconds;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.alert.matching.KnowledgeBaseTermResolver;
import io.newsmonitor.alert.matching.PreparedArticle;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.RuleIndex;
import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.local.LocalPlatform;
import io.newsmonitor.infra.local.WebhookReceiver;
import io.newsmonitor.kb.KnowledgeBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole pipeline as processes on this machine — Kafka, PostgreSQL, ingest-, enrich- and alert-service — with
 * {@code --subscriptions} subscriptions created through alert-service's API, each with a webhook to a receiver in this JVM,
 * and articles generated from the seeds ({@link NewsStream}) pushed through ingest-service's {@code POST /api/articles}
 * from a pool of client threads, as an integrator would — or, with {@code --push-batch=N}, N at a time through
 * {@code POST /api/articles/batch} (NDJSON), as an integrator with volume would, for the warm-up and the burst.
 *
 * <ul>
 *   <li>Throughput: after {@code --warmup} articles, a burst of {@code --articles}; articles per second from the first push
 *       to the last webhook, once both consumer groups have committed the end of their topics and the outbox holds no
 *       pending delivery.</li>
 *   <li>Latency: {@code --rate} articles/s for {@code --seconds}; per webhook, the time from its article's push (this JVM's
 *       clock) to its arrival here.</li>
 * </ul>
 *
 * <p>Run with {@code ./run-benchmark system [--articles=N] [--subscriptions=10000] [--rate=R] [--seconds=S] [--warmup=W]
 * [--clients=8] [--push-batch=1] [--jvm="<flags>"] [--jfr=<directory>]}; {@code --jvm} adds JVM flags to every service,
 * {@code --jfr} records each service with Flight Recorder (profile settings).
 */
public final class SystemBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENRICH_GROUP = "enrich-service";
  private static final String ALERT_GROUP = "alert-service";
  /** Articles tagged and matched in this JVM before the run, to say how many subscriptions an article matches. */
  private static final int CALIBRATION_ARTICLES = 300;

  private final Map<String, String> options;
  private final Map<String, String> report = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Instant> pushedAt = new ConcurrentHashMap<>();
  private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger misrouted = new AtomicInteger();
  /** Articles per request in the warm-up and the burst: 1 through {@code /api/articles}, more through {@code /api/articles/batch}. */
  private int pushBatch;
  /** Webhooks received since the start, across the phases (the outbox counts them so). */
  private final AtomicInteger received = new AtomicInteger();

  private record Arrival(String subscriptionId, String alertId, String articleUrl, Instant receivedAt) {
  }

  private SystemBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new SystemBenchmark(Harness.options(args)).run();
    // The platform's processes are gone; non-daemon client threads must not keep the JVM.
    System.exit(0);
  }

  private int option(String name, int defaultValue) {
    return Harness.option(options, name, defaultValue);
  }

  private void run() throws Exception {
    int articles = option("articles", 5_000);
    int subscriptionCount = option("subscriptions", 10_000);
    int rate = option("rate", 100);
    int steadySeconds = option("seconds", 60);
    int warmup = option("warmup", 1_000);
    int clients = option("clients", 8);
    pushBatch = option("push-batch", 1);

    KnowledgeBase knowledgeBase = KnowledgeBase.loadDefault();
    NewsStream news = new NewsStream(SeedTemplates.ofRepository(), knowledgeBase);
    List<String> rules = new RuleGenerator(knowledgeBase, new KnowledgeBaseTermResolver(knowledgeBase),
        IntStream.range(0, 200).mapToObj(n -> news.article(n).body()).toList(), new Random(42)).subscriptions(subscriptionCount);
    System.out.println("Rules, e.g. " + rules.subList(0, 8));
    calibrate(news, rules, knowledgeBase);

    report.put("machine", Harness.machine() + "; every process shares the cores (no pinning)");
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    if (options.containsKey("jvm")) {
      // Flags to compare (a garbage collector, say) added to every service's command line, after the defaults.
      jvm.addAll(List.of(options.get("jvm").trim().split("\\s+")));
    }
    // %p: one recording per service process.
    Harness.flightRecording(options, "%p.jfr").ifPresent(jvm::add);
    report.put("services", "ingest, enrich, alert as processes (" + String.join(" ", jvm) + "), embedded Kafka (KRaft) and PostgreSQL");

    try (WebhookReceiver receiver = new WebhookReceiver(0).onRequest(this::arrived);
         LocalPlatform platform = Harness.ANALYST.knownTo(LocalPlatform.builder().repoRoot(Harness.repoRoot()))
             .allowLoopbackWebhooks()
             .jvmOptions(jvm.toArray(String[]::new))
             .build()
             .start();
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
         ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      System.out.printf("Creating %,d subscriptions…%n", subscriptionCount);
      Instant created = Instant.now();
      subscribe(pool, platform.alertUrl(), receiver, rules);
      report.put("subscriptions created through the API (POST, then PUT with the webhook /<id>)",
          String.format("%,d in %.1f s", subscriptionCount, seconds(Duration.between(created, Instant.now()))));

      System.out.printf("Warm-up: %,d articles…%n", warmup);
      push(pool, clients, platform.ingestUrl(), bodies(news, 0, warmup));
      awaitDrained(platform, admin, warmup);
      receiver.clear();

      System.out.printf("Throughput: %,d articles from %d clients, %d per request…%n", articles, clients, pushBatch);
      arrivals.clear();
      List<String> burst = bodies(news, warmup, articles);
      Map<String, Duration> cpuBefore = cpu(platform);
      Optional<Duration> machineBefore = Harness.machineBusy();
      Instant start = Instant.now();
      push(pool, clients, platform.ingestUrl(), burst);
      Instant pushed = Instant.now();
      awaitDrained(platform, admin, warmup + articles);
      Instant lastWebhook = lastArrival();
      Map<String, Duration> cpuAfter = cpu(platform);
      Optional<Duration> machineAfter = Harness.machineBusy();
      double burstSeconds = seconds(Duration.between(start, lastWebhook));
      long burstWebhooks = arrivals.size();
      long alerted = arrivals.stream().map(Arrival::articleUrl).distinct().count();
      report.put("burst: articles pushed (accepted by ingest-service)", String.format("%,d in %.1f s (%,.0f/s), %s", articles, seconds(Duration.between(start, pushed)),
          articles / seconds(Duration.between(start, pushed)),
          pushBatch == 1 ? "one per POST /api/articles" : pushBatch + " per POST /api/articles/batch (NDJSON)"));
      report.put("burst: first push → last webhook (both groups at the end of their topics, outbox empty)", String.format("%.1f s", burstSeconds));
      report.put("**sustained articles/s, push → enrich → match → webhook**", String.format("**%,.0f**", articles / burstSeconds));
      report.put("burst: webhooks", String.format("%,d (%.1f per article; %,d articles, %.0f %%, raised at least one)", burstWebhooks,
          burstWebhooks / (double) articles, alerted, 100.0 * alerted / articles));
      report.put("burst: webhooks/s", String.format("%,.0f", burstWebhooks / burstSeconds));
      report.put("burst: CPU per article, " + String.join(" / ", cpuAfter.keySet()), cpuAfter.keySet().stream()
          .map(process -> String.format("%.1f", (cpuAfter.get(process).toNanos() - cpuBefore.get(process).toNanos()) / 1e6 / articles))
          .collect(Collectors.joining(" / ", "", " ms (user + system, until the drain was seen)")));
      if (machineBefore.isPresent() && machineAfter.isPresent()) {
        double machine = machineAfter.get().minus(machineBefore.get()).toNanos() / 1e6 / articles;
        double processes = cpuAfter.keySet().stream().mapToLong(p -> cpuAfter.get(p).minus(cpuBefore.get(p)).toNanos()).sum() / 1e6 / articles;
        report.put("burst: CPU per article, whole machine / outside the services and the harness (Kafka, PostgreSQL, the OS)",
            String.format("%.1f / %.1f ms", machine, machine - processes));
      }
      checkOnce("burst");
      receiver.clear();

      System.out.printf("Latency: %d articles/s for %d s…%n", rate, steadySeconds);
      arrivals.clear();
      int from = warmup + articles;
      int steady = rate * steadySeconds;
      List<String> steadyBodies = bodies(news, from, steady);
      Duration pushing = pushAtRate(clients, platform.ingestUrl(), steadyBodies, rate);
      awaitDrained(platform, admin, from + steady);
      List<Long> latencies = new ArrayList<>();
      for (Arrival arrival : arrivals) {
        latencies.add(Duration.between(pushedAt.get(arrival.articleUrl()), arrival.receivedAt()).toMillis());
      }
      report.put("steady load", String.format("%d articles/s for %d s (pushed in %.1f s)", rate, steadySeconds, seconds(pushing)));
      report.put("**push → webhook received, p50 / p99 / max**", "**" + percentiles(latencies) + "**");
      report.put("steady: webhooks per article", String.format("%.1f", arrivals.size() / (double) steady));
      checkOnce("steady");
      check(misrouted.get() == 0, misrouted.get() + " webhooks arrived on another subscription's path");
      check(Harness.topicSize(admin, Topics.ARTICLES_INGESTED + Topics.DLQ_SUFFIX) == 0, "records went to news.articles.ingested.dlq");
      check(Harness.topicSize(admin, Topics.ARTICLES_ENRICHED + Topics.DLQ_SUFFIX) == 0, "records went to news.articles.enriched.dlq");
      report.put("checks", "every webhook on its subscription's path; no alert twice; no record in a DLQ; outbox empty");
    }
    Harness.printTable("whole system, " + String.format("%,d", subscriptionCount) + " subscriptions", report);
  }

  /** CPU time used so far by each service and by this harness (the load generator and the webhook receiver). */
  private static Map<String, Duration> cpu(LocalPlatform platform) {
    Map<String, Duration> cpu = new LinkedHashMap<>();
    for (String service : LocalPlatform.SERVICES) {
      cpu.put(service, Harness.cpuTime(platform.pid(service)));
    }
    cpu.put("harness", Harness.cpuTime(ProcessHandle.current().pid()));
    return cpu;
  }

  /** Tags sample articles and matches them against the rules in this JVM, as the services will: matches per article. */
  private void calibrate(NewsStream news, List<String> rules, KnowledgeBase knowledgeBase) {
    Tagger tagger = new Tagger(knowledgeBase);
    KnowledgeBaseTermResolver resolver = new KnowledgeBaseTermResolver(knowledgeBase);
    RuleIndex<Integer> index = RuleIndex.of(IntStream.range(0, rules.size()).mapToObj(i -> new RuleIndex.Entry<>(i, ResolvedRule.of(rules.get(i), resolver))).toList());
    long tags = 0;
    long matches = 0;
    long words = 0;
    Instant now = Instant.now();
    for (int n = 0; n < CALIBRATION_ARTICLES; n++) {
      NewsStream.Article article = news.article(1_000_000 + n);
      Tagging tagging = tagger.tag(article.title(), article.body(), "en");
      String id = String.format(Locale.ROOT, "%032x", n);
      ArticleIngested ingested = new ArticleIngested(id, 1, article.url(), new SourceRef(article.source().toLowerCase(Locale.ROOT).replace(' ', '-'), article.source()),
          article.title(), article.body(), null, "en", OffsetDateTime.now(ZoneOffset.UTC), false, now, "sha256:" + id);
      matches += index.matches(PreparedArticle.of(new ArticleEnriched(ingested, tagging.actors(), tagging.topics(), "story-" + id,
          tagging.knowledgeBaseVersion(), now))).size();
      tags += tagging.actors().size() + tagging.topics().size();
      words += article.body().split("\\s+").length;
    }
    report.put("articles", String.format("generated from the seeds: %.0f words, %.1f tags on average (%d actors of the seeds varied over the knowledge base)",
        words / (double) CALIBRATION_ARTICLES, tags / (double) CALIBRATION_ARTICLES, news.actorsNamed()));
    report.put("subscriptions matched per article (in-process estimate on " + CALIBRATION_ARTICLES + " articles)",
        String.format("%.1f", matches / (double) CALIBRATION_ARTICLES));
    System.out.println("  " + report);
  }

  private void arrived(WebhookReceiver.Request request) {
    AlertRaised alert = EventCodec.instance().fromJson(request.body(), AlertRaised.class);
    if (!request.path().equals("/" + alert.subscriptionId())) {
      misrouted.incrementAndGet();
    }
    arrivals.add(new Arrival(alert.subscriptionId(), alert.alertId(), alert.article().url(), request.receivedAt()));
    received.incrementAndGet();
  }

  private Instant lastArrival() {
    return arrivals.stream().map(Arrival::receivedAt).max(Instant::compareTo).orElseThrow(() -> new IllegalStateException("no webhook arrived"));
  }

  /** An alert is once per (subscription, story): its id never arrives twice. */
  private void checkOnce(String phase) {
    Set<String> seen = new HashSet<>();
    long repeated = arrivals.stream().filter(arrival -> !seen.add(arrival.alertId())).count();
    check(repeated == 0, phase + ": " + repeated + " alerts arrived twice");
  }

  private void subscribe(ExecutorService pool, String alertUrl, WebhookReceiver receiver, List<String> rules) throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      String name = "benchmark " + i;
      String rule = rules.get(i);
      running.add(pool.submit(() -> {
        HttpResponse<String> created = send(alertUrl + "/api/subscriptions", "POST", Map.of("name", name, "rule", rule, "webhookUrl", receiver.url("/pending")));
        check(created.statusCode() == 201, "POST /api/subscriptions " + rule + " answered " + created.statusCode() + ": " + created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> updated = send(alertUrl + "/api/subscriptions/" + id, "PUT", Map.of("name", name, "rule", rule, "webhookUrl", receiver.url("/" + id)));
        check(updated.statusCode() == 200, "PUT /api/subscriptions/" + id + " answered " + updated.statusCode() + ": " + updated.body());
        return null;
      }));
    }
    for (Future<?> call : running) {
      call.get();
    }
  }

  private HttpResponse<String> send(String url, String method, Map<String, String> body) throws Exception {
    return http.send(Harness.ANALYST.signIn(HttpRequest.newBuilder(URI.create(url)))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON bodies of articles {@code from … from+count-1}, made before they are pushed so that making them is not measured. */
  private static List<String> bodies(NewsStream news, int from, int count) throws Exception {
    List<String> bodies = new ArrayList<>(count);
    for (int n = from; n < from + count; n++) {
      NewsStream.Article article = news.article(n);
      bodies.add(JSON.writeValueAsString(Map.of("url", article.url(), "source", article.source(), "title", article.title(), "body", article.body())));
    }
    return bodies;
  }


  /** Pushes every article, each client taking the next {@link #pushBatch} as soon as its previous request was answered. */
  private void push(ExecutorService pool, int clients, String ingestUrl, List<String> bodies) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      running.add(pool.submit(() -> {
        for (int first = next.getAndAdd(pushBatch); first < bodies.size(); first = next.getAndAdd(pushBatch)) {
          List<String> batch = bodies.subList(first, Math.min(first + pushBatch, bodies.size()));
          if (pushBatch == 1) {
            pushOne(ingestUrl, batch.get(0));
          } else {
            pushNdjson(ingestUrl, batch);
          }
        }
        return null;
      }));
    }
    for (Future<?> client : running) {
      client.get();
    }
  }

  /** Pushes the articles at {@code rate} a second, each at its due time on one of {@code clients} threads; returns how long it took. */
  private Duration pushAtRate(int clients, String ingestUrl, List<String> bodies, int rate) throws Exception {
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    Instant start = Instant.now();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) {
        String body = bodies.get(i);
        running.add(scheduler.schedule(() -> {
          pushOne(ingestUrl, body);
          return null;
        }, i * periodNanos, TimeUnit.NANOSECONDS));
      }
      for (Future<?> push : running) {
        push.get();
      }
    } finally {
      scheduler.shutdownNow();
    }
    return Duration.between(start, Instant.now());
  }

  private void pushOne(String ingestUrl, String body) throws Exception {
    String url = JSON.readTree(body).get("url").asText();
    pushedAt.put(url, Instant.now());
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/articles"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
    check(response.statusCode() == 202 && response.body().contains("\"published\""), "push answered " + response.statusCode() + ": " + response.body());
  }

  private void pushNdjson(String ingestUrl, List<String> bodies) throws Exception {
    Instant now = Instant.now();
    for (String body : bodies) {
      pushedAt.put(JSON.readTree(body).get("url").asText(), now);
    }
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/articles/batch"))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(String.join("\n", bodies) + "\n"))
        .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    check(response.statusCode() == 200 && JSON.readTree(response.body()).get("published").asInt() == bodies.size(),
        "batch answered " + response.statusCode() + ": " + response.body());
  }

  /**
   * Until every pushed article went through: news.articles.ingested holds them all, both consumer groups have committed
   * the end of their topic, the outbox holds no pending delivery, and every webhook delivered has arrived. Commits are
   * periodic (every few seconds), so this is seen a little after the fact; the figures take the last webhook's arrival.
   */
  private void awaitDrained(LocalPlatform platform, Admin admin, long pushedSoFar) throws Exception {
    try (Connection database = DriverManager.getConnection(platform.jdbcUrl(), platform.postgres().username(), platform.postgres().password())) {
      awaitUntil(Duration.ofMinutes(30), () -> {
        Map<String, Long> state = state(admin, database);
        return Harness.topicSize(admin, Topics.ARTICLES_INGESTED) >= pushedSoFar
            && state.get("enrich lag") == 0 && state.get("alert lag") == 0 && state.get("pending") == 0
            && received.get() >= state.get("webhooks delivered");
      }, () -> state(admin, database) + ", webhooks received " + received.get());
    }
  }

  private Map<String, Long> state(Admin admin, Connection database) {
    Map<String, Long> state = new LinkedHashMap<>();
    state.put("enrich lag", lag(admin, ENRICH_GROUP, Topics.ARTICLES_INGESTED));
    state.put("alert lag", lag(admin, ALERT_GROUP, Topics.ARTICLES_ENRICHED));
    try (Statement statement = database.createStatement();
         ResultSet counts = statement.executeQuery("select count(*) filter (where status = 'PENDING'),"
             + " count(*) filter (where status = 'DELIVERED' and channel = 'webhook') from alert.delivery")) {
      counts.next();
      state.put("pending", counts.getLong(1));
      state.put("webhooks delivered", counts.getLong(2));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the outbox", e);
    }
    return state;
  }

  /** Records of {@code topic} that {@code group} has not committed yet; all of them while it has committed nothing. */
  private static long lag(Admin admin, String group, String topic) {
    try {
      var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long lag = 0;
      for (var end : admin.listOffsets(latest).all().get().entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (Exception e) {
      // The topic does not exist yet: nothing to consume.
      return 0;
    }
  }

  private static String percentiles(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return "no samples";
    }
    return String.format("%d / %d / %d ms (%,d webhooks)", at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
  }

  private static long at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }
}
