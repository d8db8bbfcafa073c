package io.newsmonitor.benchmarks;

import static io.newsmonitor.benchmarks.Harness.check;
import static io.newsmonitor.benchmarks.Harness.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmonitor.alert.preview.StoredArticles;
import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.infra.local.LocalPlatform;
import io.newsmonitor.kb.KnowledgeBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code POST /api/rules/preview} over N stored enriched articles: alert-service as a process on one core of its own, on
 * the real PostgreSQL. The articles are 800 words each (two seeds, cut), tagged by the real {@link Tagger} with the full
 * knowledge base, published evenly over the last 30 days, and loaded with the very statement the service stores a
 * consumed article with ({@link StoredArticles#UPSERT}), in batches. Then each rule is previewed repeatedly; the table
 * gives the answer (matches, articles scanned) and the time a client waits, p50 and p95.
 *
 * <p>Run with {@code ./run-benchmark preview [--articles=100000] [--repeats=30]}.
 */
public final class PreviewBenchmark {

  private static final int WORDS_PER_ARTICLE = 800;
  private static final int SPREAD_DAYS = 30;
  private static final int BATCH = 500;

  /** A rule, its window and limit, and why it is in the table. */
  private record Case(String what, String rule, int days, int limit, String articleId) {
  }

  private final Map<String, String> options;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private PreviewBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new PreviewBenchmark(Harness.options(args)).run();
    System.exit(0);
  }

  private void run() throws Exception {
    int articles = Harness.option(options, "articles", 100_000);
    int repeats = Harness.option(options, "repeats", 30);
    List<String> pin = Harness.pinToOneCore();
    Map<String, String> setup = new LinkedHashMap<>();
    setup.put("machine", Harness.machine());
    setup.put("alert-service", Harness.describeSetup(pin));

    try (LocalPlatform platform = Harness.ANALYST.knownTo(Harness.oneCorePlatform(LocalPlatform.ALERT, pin)).build().start()) {
      Instant now = Instant.now();
      Instant loadStart = Instant.now();
      load(platform, articles, now);
      Duration loading = Duration.between(loadStart, Instant.now());
      setup.put("articles stored", String.format("%,d of ~%d words, tagged, published over %d days: loaded in %.1f s (%,.0f/s), then VACUUM ANALYZE",
          articles, WORDS_PER_ARTICLE, SPREAD_DAYS, seconds(loading), articles / seconds(loading)));

      String whyNotId = newestWithout(platform, "topic:aukus-pillar-2");
      List<Case> cases = List.of(
          new Case("tags, matching most articles", "Japan + Pillar II", 7, 50, null),
          new Case("tags, with why-not for an article without Pillar II", "Japan + Pillar II", 7, 50, whyNotId),
          new Case("tags, 500 matches over 30 days", "Japan + Pillar II", 30, 500, null),
          new Case("a tag no article has", "Japan + topic:\"global minimum tax\"", 30, 50, null),
          new Case("NOT on tags", "Japan AND NOT Pillar II", 30, 50, null),
          new Case("phrase naming one dispatch", "\"dispatch " + (articles - 4242) + "\"", 30, 50, null),
          new Case("phrase, common", "\"security pact\"", 7, 50, null),
          new Case("prefix", "hyperson*", 7, 50, null),
          new Case("proximity", "\"Campbell Japan\"~5", 7, 50, null),
          new Case("NOT on text (no index for it)", "\"Pillar II\" AND NOT \"dispatch 1\"", 30, 50, null),
          new Case("worst case: two words in every article, never within 0 of each other", "\"Japan Pillar\"~0", 7, 50, null));

      System.out.println("Warm-up…");
      for (int i = 0; i < 5; i++) {
        for (Case c : cases) {
          preview(platform, c);
        }
      }
      List<String> rows = new ArrayList<>();
      for (Case c : cases) {
        long[] micros = new long[repeats];
        JsonNode answer = null;
        for (int i = 0; i < repeats; i++) {
          long start = System.nanoTime();
          answer = preview(platform, c);
          micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        rows.add(String.format("| %s | `%s` | %d | %d | %s%s | %,d | %s | **%.0f** | %.0f |", c.what(), c.rule().replace("|", "\\|"), c.days(), c.limit(),
            answer.get("matches").size(), answer.get("truncated").asBoolean() ? " (cut)" : "", answer.get("scanned").asInt(),
            c.articleId() == null ? "" : "why-not: matched=" + answer.at("/whyNot/matched").asBoolean() + ", failed " + answer.at("/whyNot/failedParts"),
            micros[repeats / 2] / 1000.0, micros[(int) Math.ceil(repeats * 0.95) - 1] / 1000.0));
      }
      Harness.printTable("rule preview over stored articles", setup);
      System.out.println();
      System.out.println("| case | rule | days | limit | matches | scanned | | p50 ms | p95 ms |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      rows.forEach(System.out::println);
    }
  }

  /** Generates, tags and stores the articles, newest first ({@code n = 0} is the newest), in batches. */
  private static void load(LocalPlatform platform, int articles, Instant now) throws Exception {
    Tagger tagger = new Tagger(KnowledgeBase.loadDefault());
    SeedTemplates templates = SeedTemplates.ofRepository();
    long spreadSeconds = Duration.ofDays(SPREAD_DAYS).minusHours(1).toSeconds();
    try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(), platform.postgres().username(), platform.postgres().password());
         PreparedStatement upsert = connection.prepareStatement(StoredArticles.UPSERT)) {
      connection.setAutoCommit(false);
      for (int from = 0; from < articles; from += BATCH) {
        int to = Math.min(articles, from + BATCH);
        List<ArticleEnriched> batch = IntStream.range(from, to).parallel()
            .mapToObj(n -> article(tagger, templates, n, now.minusSeconds(spreadSeconds * n / articles))).toList();
        for (ArticleEnriched article : batch) {
          StoredArticles.bindUpsert(upsert, article);
          upsert.addBatch();
        }
        upsert.executeBatch();
        connection.commit();
        if (to % 10_000 == 0) {
          System.out.printf("  stored %,d/%,d%n", to, articles);
        }
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        // What autovacuum does soon after a load anyway: statistics for the planner and the visibility map.
        statement.execute("vacuum analyze alert.article");
        var count = statement.executeQuery("select count(*) from alert.article");
        count.next();
        check(count.getLong(1) == articles, "stored " + count.getLong(1) + " articles, expected " + articles);
      }
    }
  }

  /** The newest article not tagged {@code tagId}: one that {@code Japan + Pillar II} does not match, to ask why. */
  private static String newestWithout(LocalPlatform platform, String tagId) throws Exception {
    try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(), platform.postgres().username(), platform.postgres().password());
         PreparedStatement select = connection.prepareStatement("select id from alert.article where not tag_ids @> array[?]::text[] order by published desc limit 1")) {
      select.setString(1, tagId);
      var rows = select.executeQuery();
      check(rows.next(), "every article is tagged " + tagId);
      return rows.getString(1);
    }
  }

  private static ArticleEnriched article(Tagger tagger, SeedTemplates templates, int n, Instant published) {
    String title = templates.title(n);
    String body = templates.body(n, WORDS_PER_ARTICLE);
    Tagging tags = tagger.tag(title, body, "en");
    ArticleIngested ingested = new ArticleIngested(id(n), 1, "https://wire.example.org/preview/" + n, new SourceRef("benchmark-wire", "Benchmark Wire"),
        title, body, null, "en", published.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), false, published,
        Harness.contentHash(body));
    // Three consecutive dispatches report one event.
    return new ArticleEnriched(ingested, tags.actors(), tags.topics(), "story-" + n / 3, tags.knowledgeBaseVersion(), published);
  }

  private static String id(int n) {
    return Harness.articleId("preview-article-" + n);
  }

  private JsonNode preview(LocalPlatform platform, Case c) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("rule", c.rule());
    body.put("days", c.days());
    body.put("limit", c.limit());
    if (c.articleId() != null) {
      body.put("articleId", c.articleId());
    }
    HttpRequest request = Harness.ANALYST.signIn(HttpRequest.newBuilder(URI.create(platform.alertUrl() + "/api/rules/preview")))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    check(response.statusCode() == 200, "preview of " + c.rule() + " answered " + response.statusCode() + ": " + response.body());
    return json.readTree(response.body());
  }

}
