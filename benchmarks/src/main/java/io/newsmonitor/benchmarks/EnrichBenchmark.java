package io.newsmonitor.benchmarks;

import static io.newsmonitor.benchmarks.Harness.awaitUntil;
import static io.newsmonitor.benchmarks.Harness.check;
import static io.newsmonitor.benchmarks.Harness.memory;
import static io.newsmonitor.benchmarks.Harness.seconds;
import static io.newsmonitor.benchmarks.Harness.topicSize;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.local.LocalPlatform;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * enrich-service as a process on one core of its own, on the real Kafka broker and PostgreSQL: N articles of 800 words
 * (two seeds each, cut) written to {@code news.articles.ingested}, consumed, tagged with the full knowledge base,
 * assigned to stories in PostgreSQL and produced to {@code news.articles.enriched}. Reports articles/s from the first
 * record written to the last one enriched.
 *
 * <p>Run with {@code ./run-benchmark enrich [--articles=N] [--warmup=N] [--jfr=<directory>]}; {@code --jfr} records the
 * service with Flight Recorder (profile settings).
 */
public final class EnrichBenchmark {

  private static final int WORDS_PER_ARTICLE = 800;

  private final Map<String, String> options;
  private final Map<String, String> report = new LinkedHashMap<>();

  private EnrichBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new EnrichBenchmark(Harness.options(args)).run();
    System.exit(0);
  }

  private int option(String name, int defaultValue) {
    return Harness.option(options, name, defaultValue);
  }

  private void run() throws Exception {
    int articles = option("articles", 20_000);
    int warmup = option("warmup", 3_000);
    SeedTemplates templates = SeedTemplates.ofRepository();

    List<String> pin = Harness.pinToOneCore();
    report.put("machine", Harness.machine());
    report.put("enrich-service", Harness.describeSetup(pin));

    List<String> jvm = new ArrayList<>(List.of(Harness.ONE_CORE_JVM));
    Harness.flightRecording(options, "enrich-%p.jfr").ifPresent(jvm::add);

    try (LocalPlatform platform = Harness.oneCorePlatform(LocalPlatform.ENRICH, pin)
             .jvmOptions(jvm.toArray(String[]::new))
             .build()
             .start();
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
         KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
             ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
             ProducerConfig.LINGER_MS_CONFIG, 20,
             ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"), new StringSerializer(), new StringSerializer())) {
      long pid = platform.pid(LocalPlatform.ENRICH);

      System.out.printf("Warm-up: %,d articles…%n", warmup);
      produce(producer, templates, 0, warmup);
      awaitUntil(Duration.ofMinutes(10), () -> topicSize(admin, Topics.ARTICLES_ENRICHED) >= warmup,
          () -> "enriched " + topicSize(admin, Topics.ARTICLES_ENRICHED) + "/" + warmup);

      System.out.printf("Measured: %,d articles of ~%d words…%n", articles, WORDS_PER_ARTICLE);
      Instant start = Instant.now();
      Duration serviceCpuBefore = Harness.cpuTime(pid);
      Duration postgresCpuBefore = postgresCpu(platform);
      produce(producer, templates, warmup, articles);
      long expected = (long) warmup + articles;
      awaitUntil(Duration.ofMinutes(30), () -> topicSize(admin, Topics.ARTICLES_ENRICHED) >= expected,
          () -> "enriched " + (topicSize(admin, Topics.ARTICLES_ENRICHED) - warmup) + "/" + articles);
      Duration elapsed = Duration.between(start, Instant.now());
      Duration serviceCpu = Harness.cpuTime(pid).minus(serviceCpuBefore);
      Duration postgresCpu = postgresCpu(platform).minus(postgresCpuBefore);
      check(topicSize(admin, Topics.ARTICLES_INGESTED + Topics.DLQ_SUFFIX) == 0, "records went to the DLQ");
      report.put("articles consumed, tagged, assigned a story, produced", String.format("%,d in %.1f s", articles, seconds(elapsed)));
      report.put("**consume → tag → produce: articles/s on one core**", String.format("**%,.0f**", articles / seconds(elapsed)));
      report.put("**CPU per article: enrich-service** / PostgreSQL (server and its backends)",
          String.format("**%.2f** / %.2f ms", serviceCpu.toNanos() / 1e6 / articles, postgresCpu.toNanos() / 1e6 / articles));
      report.put("live heap / RSS after the run", memory(pid).toString());
    }
    Harness.printTable("enrich-service on one core", report);
  }


  /**
   * CPU time of the benchmark's PostgreSQL: its postmaster (found by the port it listens on, as other benchmarks may run
   * their own) and the backends serving the service's pooled connections, which live through the run.
   */
  private static Duration postgresCpu(LocalPlatform platform) {
    String port = " -p " + URI.create(platform.jdbcUrl().substring("jdbc:".length())).getPort();
    return ProcessHandle.allProcesses()
        .filter(process -> process.info().commandLine().filter(line -> line.contains("postgres") && line.contains(port)).isPresent())
        .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
        .distinct()
        .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static void produce(KafkaProducer<String, String> producer, SeedTemplates templates, int from, int count) throws Exception {
    EventCodec codec = EventCodec.instance();
    Instant now = Instant.now();
    for (int n = from; n < from + count; n++) {
      String body = templates.body(n, WORDS_PER_ARTICLE);
      String id = Harness.articleId("benchmark-article-" + n);
      ArticleIngested article = new ArticleIngested(id, 1, "https://wire.example.org/enrich/" + n, new SourceRef("benchmark-wire", "Benchmark Wire"),
          templates.title(n), body, null, "en", OffsetDateTime.of(2024, 4, 8, 12, 0, 0, 0, ZoneOffset.UTC).plusMinutes(n),
          false, now, Harness.contentHash(body));
      producer.send(new ProducerRecord<>(Topics.ARTICLES_INGESTED, id, codec.toJson(article)));
    }
    producer.flush();
  }

}
