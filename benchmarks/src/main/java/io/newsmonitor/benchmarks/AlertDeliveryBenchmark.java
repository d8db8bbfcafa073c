package io.newsmonitor.benchmarks;

import static io.newsmonitor.benchmarks.Harness.awaitUntil;
import static io.newsmonitor.benchmarks.Harness.check;
import static io.newsmonitor.benchmarks.Harness.seconds;
import static io.newsmonitor.benchmarks.Harness.topicSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.local.LocalPlatform;
import io.newsmonitor.infra.local.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * alert-service as a process on one core of its own, on the real Kafka broker and PostgreSQL, with a webhook receiver in
 * this JVM: enriched articles are written to {@code news.articles.enriched}, each tagged with one of 20 countries, and
 * every country has {@code --subscriptions-per-country} subscriptions naming it, so each article raises that many alerts,
 * each delivered to its webhook and to {@code news.alerts} through the outbox.
 *
 * <ul>
 *   <li>Throughput: a burst of {@code --articles} records; alerts delivered per second from the first record written to the
 *       last webhook received.</li>
 *   <li>Latency: {@code --rate} articles/s for {@code --seconds}; per webhook, the time from the match (the alert's
 *       {@code matchedAt}) and from the record's write to its arrival, p50 / p99 / max.</li>
 * </ul>
 *
 * <p>Run with {@code ./run-benchmark alert-delivery [--articles=N] [--subscriptions-per-country=N] [--rate=N] [--seconds=N]}.
 */
public final class AlertDeliveryBenchmark {

  private static final String[][] COUNTRIES = {
      {"Japan", "country:jp"}, {"France", "country:fr"}, {"Germany", "country:de"}, {"Italy", "country:it"}, {"Spain", "country:es"},
      {"Canada", "country:ca"}, {"Brazil", "country:br"}, {"India", "country:in"}, {"Mexico", "country:mx"}, {"Norway", "country:no"},
      {"Sweden", "country:se"}, {"Poland", "country:pl"}, {"Egypt", "country:eg"}, {"Kenya", "country:ke"}, {"Chile", "country:cl"},
      {"Peru", "country:pe"}, {"Ghana", "country:gh"}, {"Nepal", "country:np"}, {"Vietnam", "country:vn"}, {"Thailand", "country:th"}};

  private final Map<String, String> options;
  private final Map<String, String> report = new LinkedHashMap<>();
  private final Map<String, Instant> writtenAt = new ConcurrentHashMap<>();
  private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private record Arrival(String articleId, Instant matchedAt, Instant receivedAt) {
  }

  private AlertDeliveryBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new AlertDeliveryBenchmark(Harness.options(args)).run();
    System.exit(0);
  }

  private int option(String name, int defaultValue) {
    return Harness.option(options, name, defaultValue);
  }

  private void run() throws Exception {
    int articles = option("articles", 2_000);
    int perCountry = option("subscriptions-per-country", 5);
    int rate = option("rate", 20);
    int steadySeconds = option("seconds", 30);
    SeedTemplates templates = SeedTemplates.ofRepository();

    List<String> pin = Harness.pinToOneCore();
    report.put("machine", Harness.machine());
    report.put("alert-service", Harness.describeSetup(pin));

    try (WebhookReceiver receiver = new WebhookReceiver(0).onRequest(this::arrived);
         LocalPlatform platform = Harness.ANALYST.knownTo(Harness.oneCorePlatform(LocalPlatform.ALERT, pin))
             .allowLoopbackWebhooks()
             .build()
             .start();
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
         KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
             ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
             ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
      for (String[] country : COUNTRIES) {
        for (int i = 0; i < perCountry; i++) {
          subscribe(platform.alertUrl(), country[0] + " " + i, country[0], receiver.url("/" + country[1] + "/" + i));
        }
      }
      int subscriptions = COUNTRIES.length * perCountry;
      report.put("subscriptions", String.format("%,d (each article matches %d: webhook + news.alerts each)", subscriptions, perCountry));

      int warmup = Math.max(100, articles / 10);
      System.out.printf("Warm-up: %,d articles…%n", warmup);
      for (int n = 0; n < warmup; n++) {
        write(producer, templates, n);
      }
      producer.flush();
      awaitWebhooks((long) warmup * perCountry);

      System.out.printf("Throughput: %,d articles at once → %,d alerts…%n", articles, (long) articles * perCountry);
      arrivals.clear();
      long alertService = platform.pid(LocalPlatform.ALERT);
      Duration cpuBefore = Harness.cpuTime(alertService);
      Instant start = Instant.now();
      for (int n = warmup; n < warmup + articles; n++) {
        write(producer, templates, n);
      }
      producer.flush();
      awaitWebhooks((long) articles * perCountry);
      Duration burst = Duration.between(start, Instant.now());
      // What an article costs the service whatever else runs on the machine: less noisy than alerts/s on a shared machine.
      Duration burstCpu = Harness.cpuTime(alertService).minus(cpuBefore);
      report.put("burst: alerts delivered by webhook (and news.alerts)", String.format("%,d in %.1f s", (long) articles * perCountry, seconds(burst)));
      report.put("**alerts delivered/s on one core (webhook + news.alerts each)**", String.format("**%,.0f**", articles * perCountry / seconds(burst)));
      report.put("articles matched and delivered/s", String.format("%,.0f", articles / seconds(burst)));
      report.put("burst: alert-service CPU per article (user + system)", String.format("%.1f ms", burstCpu.toNanos() / 1e6 / articles));

      System.out.printf("Latency: %d articles/s for %d s…%n", rate, steadySeconds);
      arrivals.clear();
      int from = warmup + articles;
      int steady = rate * steadySeconds;
      long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
      long begin = System.nanoTime();
      for (int n = 0; n < steady; n++) {
        long due = begin + n * periodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        write(producer, templates, from + n);
        producer.flush();
      }
      awaitWebhooks((long) steady * perCountry);
      List<Long> fromMatch = new ArrayList<>();
      List<Long> fromWrite = new ArrayList<>();
      for (Arrival arrival : arrivals) {
        fromMatch.add(Duration.between(arrival.matchedAt(), arrival.receivedAt()).toMillis());
        fromWrite.add(Duration.between(writtenAt.get(arrival.articleId()), arrival.receivedAt()).toMillis());
      }
      report.put("steady load", String.format("%d articles/s = %d alerts/s for %d s", rate, rate * perCountry, steadySeconds));
      report.put("**match → webhook received, p50 / p99 / max**", "**" + percentiles(fromMatch) + "**");
      report.put("record written → webhook received, p50 / p99 / max", percentiles(fromWrite));
      check(topicSize(admin, Topics.ARTICLES_ENRICHED + Topics.DLQ_SUFFIX) == 0, "records went to the DLQ");
      long expectedAlerts = (long) (warmup + articles + steady) * perCountry;
      awaitUntil(Duration.ofMinutes(2), () -> topicSize(admin, Topics.ALERTS) >= expectedAlerts,
          () -> "news.alerts " + topicSize(admin, Topics.ALERTS) + "/" + expectedAlerts);
      check(topicSize(admin, Topics.ALERTS) == expectedAlerts, "news.alerts holds " + topicSize(admin, Topics.ALERTS) + ", expected " + expectedAlerts);
      report.put("news.alerts records = alerts raised", String.format("%,d", expectedAlerts));
    }
    Harness.printTable("alert-service deliveries on one core", report);
  }


  private void arrived(WebhookReceiver.Request request) {
    AlertRaised alert = EventCodec.instance().fromJson(request.body(), AlertRaised.class);
    arrivals.add(new Arrival(alert.article().id(), alert.matchedAt(), request.receivedAt()));
  }

  private void awaitWebhooks(long expected) throws InterruptedException {
    awaitUntil(Duration.ofMinutes(20), () -> arrivals.size() >= expected, () -> "webhooks " + arrivals.size() + "/" + expected);
  }

  private void write(KafkaProducer<String, String> producer, SeedTemplates templates, int n) {
    String[] country = COUNTRIES[n % COUNTRIES.length];
    String id = Harness.articleId("alert-benchmark-" + n);
    String title = country[0] + ": " + templates.title(n);
    String body = templates.body(n, 300);
    Instant now = Instant.now();
    ArticleIngested article = new ArticleIngested(id, 1, "https://wire.example.org/alert/" + n, new SourceRef("benchmark-wire", "Benchmark Wire"),
        title, body, null, "en", OffsetDateTime.now(ZoneOffset.UTC), false, now, Harness.contentHash(body));
    Tag tag = new Tag(country[1], country[0], "country", 1, 1.0, List.of(new Mention(TextField.TITLE, 0, country[0].length(), country[0])));
    // Each article its own story: every match is an alert, none attaches to another.
    ArticleEnriched enriched = new ArticleEnriched(article, List.of(tag), List.of(), "story-" + id, "benchmark", now, "covered");
    writtenAt.put(id, now);
    producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, id, EventCodec.instance().toJson(enriched)));
  }

  private void subscribe(String alertUrl, String name, String rule, String webhookUrl) throws Exception {
    String body = json.writeValueAsString(Map.of("name", name, "rule", rule, "webhookUrl", webhookUrl));
    HttpResponse<String> response = http.send(Harness.ANALYST.signIn(HttpRequest.newBuilder(URI.create(alertUrl + "/api/subscriptions")))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    check(response.statusCode() == 201, "POST /api/subscriptions answered " + response.statusCode() + ": " + response.body());
  }

  private static String percentiles(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return "no samples";
    }
    return String.format("%d / %d / %d ms (%,d samples)", at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
  }

  private static long at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }
}
