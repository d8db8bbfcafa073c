package io.newsmonitor.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.infra.Logs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-command demo: the whole system on this machine, the sample articles imported, a demo subscription whose
 * alerts arrive at a local webhook receiver that prints one line per alert. Ctrl-C stops everything. alert-service knows one
 * analyst, {@code demo} with password {@code demo}, who owns the demo subscription.
 *
 * <p>Run from the repository root after {@code ./mvnw package -DskipTests}:
 * {@code java -cp "local-infra/target/local-infra.jar:local-infra/target/lib/*" io.newsmonitor.infra.local.LocalRun}.
 * System property {@code news.repo.root} names the repository root (default: the current directory). Environment:
 * {@code NEWS_DATA_DIR} (default {@code <repo>/.local-data}), and the ports {@code NEWS_INGEST_PORT} (8081),
 * {@code NEWS_ENRICH_PORT} (8082), {@code NEWS_ALERT_PORT} (8083), {@code NEWS_KAFKA_PORT} (9092),
 * {@code NEWS_KAFKA_CONTROLLER_PORT} (9093), {@code NEWS_POSTGRES_PORT} (5433) and {@code DEMO_WEBHOOK_PORT} (8090).
 */
public final class LocalRun {

  /** The demo's analyst, known to alert-service in this run only (HTTP Basic); production configures its own analysts. */
  private static final PlainAnalyst DEMO_ANALYST = new PlainAnalyst("demo", "demo");
  private static final String DEMO_SUBSCRIPTION = "Demo: Japan + Pillar II";
  private static final String DEMO_RULE = "Japan + Pillar II";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code actor country:jp (Japan)} → {@code actor Japan}. */
  private static final Pattern MATCHED_AS = Pattern.compile("(\\S+) \\S+ \\((.+)\\)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalRun() {
  }

  public static void main(String[] args) throws InterruptedException {
    // The clients' INFO lines (every Kafka admin client prints its whole configuration) would bury the banner.
    Logs.toConsole("org.apache.kafka", "io.zonky");
    try {
      new LocalRun().run();
    } catch (RuntimeException e) {
      // The shutdown hooks stop whatever did start.
      System.err.println("Local run failed: " + e.getMessage());
      System.exit(1);
    }
    new CountDownLatch(1).await();
  }

  private void run() {
    Path repoRoot = Path.of(System.getProperty("news.repo.root", "")).toAbsolutePath().normalize();
    Path dataDir = Optional.ofNullable(System.getenv("NEWS_DATA_DIR")).map(Path::of).orElse(repoRoot.resolve(".local-data")).toAbsolutePath();

    Path inbox = dataDir.resolve("inbox");
    try {
      Files.createDirectories(inbox);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the import folder " + inbox, e);
    }

    WebhookReceiver receiver = new WebhookReceiver(intEnv("DEMO_WEBHOOK_PORT", 8090)).onRequest(request -> System.out.println(describe(request)));
    Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "webhook-receiver-stop"));
    LocalPlatform platform = DEMO_ANALYST.knownTo(LocalPlatform.builder())
        .repoRoot(repoRoot)
        .dataDir(dataDir)
        .persistent(true)
        .ingestPort(intEnv("NEWS_INGEST_PORT", 8081))
        .enrichPort(intEnv("NEWS_ENRICH_PORT", 8082))
        .alertPort(intEnv("NEWS_ALERT_PORT", 8083))
        .kafkaPort(intEnv("NEWS_KAFKA_PORT", 9092))
        .controllerPort(intEnv("NEWS_KAFKA_CONTROLLER_PORT", 9093))
        .postgresPort(intEnv("NEWS_POSTGRES_PORT", 5433))
        // Every service gets it; only ingest-service reads it, and imports what is dropped there.
        .env("INGEST_IMPORT_DIRECTORY", inbox.toString())
        // The sample articles date from 2024: kept for the console's preview instead of purged after 30 days.
        .env("ALERT_ARTICLES_RETENTION", "3650d")
        .allowLoopbackWebhooks()
        .build();

    System.out.println("Starting Kafka, PostgreSQL and the services; data in " + dataDir + " ...");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("Stopping the services, Kafka and PostgreSQL ..."), "stop-notice"));
    platform.start();
    // Subscribe first: alert-service matches articles as they arrive, so seeds imported earlier could slip past.
    ensureDemoSubscription(platform.alertUrl(), receiver.url("/demo"));
    importSeeds(platform.ingestUrl(), repoRoot.resolve("samples/seeds"));
    System.out.println(banner(platform, receiver));
  }

  private void importSeeds(String ingestUrl, Path seeds) {
    Map<String, HttpResponse<String>> answers;
    try {
      answers = SampleArticles.importAll(http, ingestUrl, seeds);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not import the sample articles in " + seeds, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while importing the sample articles in " + seeds, e);
    }
    List<String> failures = answers.entrySet().stream()
        .filter(answer -> answer.getValue().statusCode() / 100 != 2)
        .map(answer -> answer.getKey() + ": " + answer.getValue().statusCode() + " " + answer.getValue().body())
        .toList();
    System.out.println("Imported " + (answers.size() - failures.size()) + " of " + answers.size() + " sample articles from " + seeds
        + (failures.isEmpty() ? "" : "; failed: " + String.join("; ", failures)));
  }

  private void ensureDemoSubscription(String alertUrl, String webhookUrl) {
    URI subscriptions = URI.create(alertUrl + "/api/subscriptions");
    HttpResponse<String> list = send(DEMO_ANALYST.signIn(HttpRequest.newBuilder(subscriptions)).header("Accept", "application/json").GET().build());
    if (list.statusCode() != 200) {
      throw new IllegalStateException("GET " + subscriptions + " answered " + list.statusCode() + ": " + list.body());
    }
    JsonNode existing = readJson(list.body());
    if (!existing.isArray()) {
      throw new IllegalStateException("GET " + subscriptions + " did not answer a JSON array: " + list.body());
    }
    for (JsonNode subscription : existing) {
      if (DEMO_SUBSCRIPTION.equals(subscription.path("name").asText())) {
        System.out.println("Demo subscription '" + DEMO_SUBSCRIPTION + "' exists already");
        return;
      }
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("name", DEMO_SUBSCRIPTION)
        .put("rule", DEMO_RULE)
        .put("webhookUrl", webhookUrl);
    HttpResponse<String> created = send(DEMO_ANALYST.signIn(HttpRequest.newBuilder(subscriptions))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build());
    if (created.statusCode() / 100 != 2) {
      throw new IllegalStateException("Could not create the demo subscription: POST " + subscriptions + " answered " + created.statusCode() + ": " + created.body());
    }
    System.out.println("Created demo subscription '" + DEMO_SUBSCRIPTION + "', delivering to " + webhookUrl);
  }


  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  /**
   * One readable line per delivery, e.g. {@code ALERT  Japan + Pillar II  ←  "China Expresses…"  (ICARO Media Group)
   * matched: actor Japan, topic AUKUS Pillar II}; bodies of another shape are shown briefly as they are.
   */
  static String describe(WebhookReceiver.Request request) {
    JsonNode alert = readJson(request.body());
    JsonNode article = alert.path("article");
    if (!alert.has("rule") || !article.has("title")) {
      String body = request.body().replaceAll("\\s+", " ");
      return "POST   " + request.path() + "  " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
    }
    List<String> reasons = new ArrayList<>();
    for (JsonNode reason : alert.path("reasons")) {
      String matchedAs = reason.path("matchedAs").asText();
      Matcher entity = MATCHED_AS.matcher(matchedAs);
      reasons.add(entity.matches() ? entity.group(1) + " " + entity.group(2) : matchedAs + " \"" + reason.path("term").asText() + "\"");
    }
    String title = article.path("title").asText();
    StringBuilder line = new StringBuilder("ALERT  ").append(alert.path("rule").asText())
        .append("  ←  \"").append(title.length() > 70 ? title.substring(0, 70) + "…" : title).append('"');
    if (article.hasNonNull("sourceName")) {
      line.append("  (").append(article.path("sourceName").asText()).append(')');
    }
    if (!reasons.isEmpty()) {
      line.append("  matched: ").append(String.join(", ", reasons));
    }
    return line.toString();
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JsonNodeFactory.instance.missingNode();
    }
  }

  private static String banner(LocalPlatform platform, WebhookReceiver receiver) {
    StringBuilder text = new StringBuilder("\nNews monitor is running.\n\n");
    for (String service : LocalPlatform.SERVICES) {
      String url = platform.url(service);
      text.append(String.format("  %-15s %-24s %s/q/swagger-ui   %s/q/health%n", service, url, url, url));
    }
    text.append(String.format("%n  Console         %s/console (sign in as %s, password %s)%n", platform.alertUrl(), DEMO_ANALYST.name(), DEMO_ANALYST.password()))
        .append(String.format("  Analyst         %s, password %s (HTTP Basic on alert-service's /api), e.g. curl -u %s:%s %s/api/inbox%n",
            DEMO_ANALYST.name(), DEMO_ANALYST.password(), DEMO_ANALYST.name(), DEMO_ANALYST.password(), platform.alertUrl()))
        .append(String.format("  Deliveries      %s/api/deliveries%n", platform.alertUrl()))
        .append(String.format("  Demo webhook    %s/demo (each alert is printed below)%n", receiver.url()))
        .append(String.format("  Kafka           %s%n", platform.kafkaBootstrapServers()))
        .append(String.format("  PostgreSQL      %s%n", platform.jdbcUrl()))
        .append(String.format("  Data            %s%n", platform.dataDir()))
        .append(String.format("  Logs            %s, %s, %s%n", platform.dataDir().resolve("logs"), platform.kafka().logFile(), platform.postgres().logFile().orElseThrow()))
        .append(String.format("%n  Drop article files (.txt seed format, .json, .ndjson) into %s%n", platform.dataDir().resolve("inbox")))
        .append("  (then in inbox/processed/, or in inbox/failed/ with a .error.txt saying why)\n")
        .append("\nCtrl-C to stop.\n");
    return text.toString();
  }

  private static int intEnv(String name, int defaultValue) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
    }
  }
}
