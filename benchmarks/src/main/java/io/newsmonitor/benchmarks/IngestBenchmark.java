package io.newsmonitor.benchmarks;

import static io.newsmonitor.benchmarks.Harness.awaitUntil;
import static io.newsmonitor.benchmarks.Harness.check;
import static io.newsmonitor.benchmarks.Harness.memory;
import static io.newsmonitor.benchmarks.Harness.seconds;
import static io.newsmonitor.benchmarks.Harness.topicSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.benchmarks.Harness.Memory;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.local.LocalPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * ingest-service as a process on one core of its own, on the real Kafka broker and PostgreSQL, measured two ways:
 *
 * <ol>
 *   <li><b>push</b>: N generated articles (the seeds as templates) through {@code POST /api/articles/batch}, as fast as
 *       the service takes them — normalised, language-detected, identified, de-duplicated in PostgreSQL and published;
 *       with {@code --push=single}, the same articles one per request through {@code POST /api/articles} (JSON), as the
 *       whole-system benchmark pushes them. Either way the service process's CPU time per article is reported;</li>
 *   <li><b>feeds</b>: S feed sources, each serving its own items as HTML, polled on their schedule — fetched, parsed,
 *       cleaned, published — then polled again (304); the heap after a full GC before and after gives the memory that
 *       S sources cost.</li>
 * </ol>
 *
 * <p>Run with {@code ./run-benchmark ingest [--articles=N] [--push=batch|single] [--clients=C] [--sources=S]
 * [--items-per-feed=K] [--poll-interval=seconds] [--jfr=<directory>]}: {@code --sources=0} measures the push alone,
 * {@code --jfr} records the service with Flight Recorder (profile settings).
 */
public final class IngestBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 500;
  private static final int BATCH_CLIENTS = 4;
  // As many as the whole-system benchmark pushes from.
  private static final int SINGLE_CLIENTS = 8;

  private final Map<String, String> options;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> report = new LinkedHashMap<>();

  private IngestBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new IngestBenchmark(Harness.options(args)).run();
    // The platform's processes are gone; non-daemon client threads must not keep the JVM.
    System.exit(0);
  }

  private int option(String name, int defaultValue) {
    return Harness.option(options, name, defaultValue);
  }

  private void run() throws Exception {
    int articles = option("articles", 20_000);
    int warmup = option("warmup", 3_000);
    int sources = option("sources", 10_000);
    int itemsPerFeed = option("items-per-feed", 5);
    int pollIntervalSeconds = option("poll-interval", 60);
    boolean single = switch (options.getOrDefault("push", "batch")) {
      case "batch" -> false;
      case "single" -> true;
      default -> throw new IllegalArgumentException("--push is batch or single, not " + options.get("push"));
    };
    int clients = option("clients", single ? SINGLE_CLIENTS : BATCH_CLIENTS);
    SeedTemplates templates = SeedTemplates.ofRepository();

    List<String> pin = Harness.pinToOneCore();
    List<String> jvm = new ArrayList<>(List.of(Harness.ONE_CORE_JVM));
    Harness.flightRecording(options, "%p.jfr").ifPresent(jvm::add);
    report.put("machine", Harness.machine());
    report.put("ingest-service", Harness.describeSetup(pin) + (options.containsKey("jfr") ? ", recorded with JFR" : ""));

    try (FeedFarm farm = new FeedFarm(templates, sources, itemsPerFeed);
         LocalPlatform platform = Harness.oneCorePlatform(LocalPlatform.INGEST, pin)
             .jvmOptions(jvm.toArray(String[]::new))
             .env("INGEST_FETCH_ALLOW_LOOPBACK", "true")
             .build()
             .start();
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
      String ingest = platform.ingestUrl();
      long pid = platform.pid(LocalPlatform.INGEST);

      Pusher pusher = single ? new SinglePusher(ingest, templates) : new BatchPusher(ingest, templates);
      System.out.printf("Warm-up: %,d articles…%n", warmup);
      push(pusher, clients, 0, warmup);

      String how = single ? "one per request (POST /api/articles)" : "in batches of " + BATCH + " (POST /api/articles/batch)";
      System.out.printf("Push: %,d articles %s from %d clients…%n", articles, how, clients);
      Duration cpuBefore = Harness.cpuTime(pid);
      Instant start = Instant.now();
      int published = push(pusher, clients, warmup, articles);
      Duration pushTime = Duration.between(start, Instant.now());
      Duration cpuUsed = Harness.cpuTime(pid).minus(cpuBefore);
      long onTopic = topicSize(admin, Topics.ARTICLES_INGESTED);
      check(published == articles && onTopic == warmup + articles,
          "push: " + published + " of " + articles + " published, " + onTopic + " records on the topic (expected " + (warmup + articles) + ")");
      report.put("push: how", how + ", " + clients + " clients");
      report.put("push: articles published", String.format("%,d in %.1f s", articles, seconds(pushTime)));
      report.put("push: articles/s on one core", String.format("%,.0f", articles / seconds(pushTime)));
      report.put("push: CPU per article (service process, user + system)", String.format("%.2f ms", cpuUsed.toNanos() / 1e6 / articles));
      if (sources == 0) {
        Harness.printTable("ingest-service on one core", report);
        return;
      }

      Memory before = memory(pid);
      report.put("memory before sources (live heap / RSS)", before.toString());

      System.out.printf("Feeds: creating %,d sources polled every %d s…%n", sources, pollIntervalSeconds);
      Instant created = Instant.now();
      createSources(ingest, farm, sources, pollIntervalSeconds);
      report.put("feeds: sources created through the API", String.format("%,d in %.1f s", sources, seconds(Duration.between(created, Instant.now()))));

      long expected = onTopic + (long) sources * itemsPerFeed;
      awaitUntil(Duration.ofMinutes(15), () -> farm.feedsFetched() == sources && topicSize(admin, Topics.ARTICLES_INGESTED) >= expected,
          () -> "feeds fetched " + farm.feedsFetched() + "/" + sources + ", records " + topicSize(admin, Topics.ARTICLES_INGESTED) + "/" + expected);
      Instant firstRoundDone = Instant.now();
      long firstFetch = IntStream.range(0, sources).mapToLong(farm::firstFetchMillis).min().orElseThrow();
      double firstRound = (firstRoundDone.toEpochMilli() - firstFetch) / 1000.0;
      report.put("feeds: first round (every feed fetched, every item published)", String.format("%.1f s for %,d items: %,.0f articles/s", firstRound,
          (long) sources * itemsPerFeed, sources * itemsPerFeed / firstRound));

      System.out.println("Feeds: one more interval of polls (304 Not Modified)…");
      long notModifiedBefore = farm.notModified();
      awaitUntil(Duration.ofSeconds(pollIntervalSeconds * 3L), () -> farm.notModified() - notModifiedBefore >= sources,
          () -> "second round: " + (farm.notModified() - notModifiedBefore) + " of " + sources + " feeds answered 304");
      check(topicSize(admin, Topics.ARTICLES_INGESTED) == expected, "re-polls published again: " + topicSize(admin, Topics.ARTICLES_INGESTED) + " records, expected " + expected);
      report.put("feeds: second round", String.format("%,d polls answered 304, nothing republished", farm.notModified() - notModifiedBefore));
      report.put("feeds: requests per second (mean / max over the run)", rate(farm.requestsPerSecond()));

      Memory after = memory(pid);
      report.put("memory with " + String.format("%,d", sources) + " sources (live heap / RSS)", after.toString());
      report.put("memory per 10,000 sources (live heap)", String.format("%+.1f MB",
          (after.liveHeapKb() - before.liveHeapKb()) / 1024.0 * 10_000 / sources));
    }
    Harness.printTable("ingest-service on one core", report);
  }


  /** Sends articles {@code first …} (at most {@link #step()}) in one request and answers how many were published. */
  private interface Pusher {
    int step();

    int push(int first, int end) throws Exception;
  }

  private static String articleJson(SeedTemplates templates, int n) throws Exception {
    return JSON.writeValueAsString(Map.of("url", "https://wire.example.org/push/" + n, "source", "Benchmark Wire",
        "title", templates.title(n), "body", templates.body(n), "published", "2024-04-08T12:00:00Z"));
  }

  private final class BatchPusher implements Pusher {
    private final String ingest;
    private final SeedTemplates templates;

    BatchPusher(String ingest, SeedTemplates templates) {
      this.ingest = ingest;
      this.templates = templates;
    }

    @Override
    public int step() {
      return BATCH;
    }

    @Override
    public int push(int first, int end) throws Exception {
      StringBuilder ndjson = new StringBuilder();
      for (int n = first; n < Math.min(first + BATCH, end); n++) {
        ndjson.append(articleJson(templates, n)).append('\n');
      }
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/articles/batch"))
          .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
          .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
      check(response.statusCode() == 200, "batch answered " + response.statusCode() + ": " + response.body());
      return JSON.readTree(response.body()).get("published").asInt();
    }
  }

  private final class SinglePusher implements Pusher {
    private final String ingest;
    private final SeedTemplates templates;

    SinglePusher(String ingest, SeedTemplates templates) {
      this.ingest = ingest;
      this.templates = templates;
    }

    @Override
    public int step() {
      return 1;
    }

    @Override
    public int push(int first, int end) throws Exception {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/articles"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(articleJson(templates, first)))
          .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
      check(response.statusCode() == 202, "push answered " + response.statusCode() + ": " + response.body());
      return response.body().contains("\"published\"") ? 1 : 0;
    }
  }

  /** Pushes articles {@code from … from+count-1} from {@code clientCount} clients; returns how many were published. */
  private int push(Pusher pusher, int clientCount, int from, int count) throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    int end = from + count;
    int step = pusher.step();
    LongAdder published = new LongAdder();
    ExecutorService clients = Executors.newFixedThreadPool(clientCount);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < clientCount; client++) {
        running.add(clients.submit(() -> {
          for (int first = next.getAndAdd(step); first < end; first = next.getAndAdd(step)) {
            published.add(pusher.push(first, end));
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
    return published.intValue();
  }

  private void createSources(String ingest, FeedFarm farm, int sources, int pollIntervalSeconds) throws Exception {
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        running.add(clients.submit(() -> {
          for (int feed = next.getAndIncrement(); feed < sources; feed = next.getAndIncrement()) {
            String body = JSON.writeValueAsString(Map.of("id", "bench-" + feed, "type", "feed", "name", "Benchmark feed " + feed,
                "url", farm.feedUrl(feed), "pollIntervalSeconds", pollIntervalSeconds));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/sources"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 201, "creating source " + feed + " answered " + response.statusCode() + ": " + response.body());
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    }
  }

  private static String rate(Map<Long, LongAdder> perSecond) {
    long[] counts = perSecond.values().stream().mapToLong(LongAdder::sum).toArray();
    return String.format("%.0f / %d", Arrays.stream(counts).average().orElse(0), Arrays.stream(counts).max().orElse(0));
  }
}
