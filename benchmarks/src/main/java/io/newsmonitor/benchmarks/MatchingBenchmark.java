package io.newsmonitor.benchmarks;

import io.newsmonitor.alert.matching.KnowledgeBaseTermResolver;
import io.newsmonitor.alert.matching.PreparedArticle;
import io.newsmonitor.alert.matching.Resolution;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.RuleEvaluator;
import io.newsmonitor.alert.matching.RuleIndex;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * Matching throughput on one thread: articles per second against 1k, 10k and 100k rules for (a) a naive loop that evaluates
 * every rule, (b) Lucene Monitor with the rules as queries ({@link LuceneRules}) under each of its term presearchers and
 * (c) the rule index, on the same generated rules and articles, comparing the matches of (b) and (c) with those of (a).
 * Run with {@code ./run-benchmark matching [--articles=200] [--rules=1000,10000,100000] [--seconds=5] [--naive-seconds=10]}.
 */
public final class MatchingBenchmark {

  private static final int WORDS_PER_ARTICLE = 800;
  private static final List<SourceRef> SOURCES = List.of(new SourceRef("benchmark-wire", "Benchmark Wire"), new SourceRef("reuters", "Reuters"),
      new SourceRef("nhk-world", "NHK World"), new SourceRef("le-monde", "Le Monde"));

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Where measured work leaves its result, so that it is not optimised away. */
  static volatile long sink;

  private MatchingBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Harness.options(args);
    int articleCount = Harness.option(options, "articles", 200);
    List<Integer> ruleCounts = Stream.of(options.getOrDefault("rules", "1000,10000,100000").split(",")).map(Integer::parseInt).toList();
    Duration measure = Duration.ofSeconds(Harness.option(options, "seconds", 5));
    Duration naiveBudget = Duration.ofSeconds(Harness.option(options, "naive-seconds", 10));

    KnowledgeBase knowledgeBase = KnowledgeBase.loadDefault();
    TermResolver resolver = new KnowledgeBaseTermResolver(knowledgeBase);
    System.out.println("Tagging " + articleCount + " articles of " + WORDS_PER_ARTICLE + " words…");
    List<ArticleEnriched> articles = articles(articleCount, new Tagger(knowledgeBase));
    int maxRules = ruleCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    System.out.println("Generating " + maxRules + " rules…");
    List<ResolvedRule> allRules = new RuleGenerator(knowledgeBase, resolver, articles.stream().map(article -> article.article().body()).toList(), new Random(42)).rules(maxRules);
    System.out.println("  e.g. " + allRules.subList(0, 12).stream().map(ResolvedRule::text).toList());

    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("machine", Harness.machine() + ", one thread; rates per second of that thread's CPU time");
    rows.put("articles", articles.size() + " × " + WORDS_PER_ARTICLE + " words, tagged by the Tagger: "
        + String.format(Locale.ROOT, "%.1f", articles.stream().mapToInt(a -> a.actors().size() + a.topics().size()).average().orElse(0)) + " tags each on average");
    for (int ruleCount : ruleCounts) {
      List<ResolvedRule> rules = allRules.subList(0, ruleCount);
      measure(rules, articles, measure, naiveBudget, rows);
    }
    Harness.printTable("matching, one thread", rows);
  }

  private static void measure(List<ResolvedRule> rules, List<ArticleEnriched> articles, Duration measure, Duration naiveBudget, Map<String, String> rows) {
    String at = String.format(Locale.ROOT, "%,d rules", rules.size());
    System.out.println("\n" + at);
    long buildStart = System.nanoTime();
    RuleIndex<Integer> index = RuleIndex.of(IntStream.range(0, rules.size()).mapToObj(i -> new RuleIndex.Entry<>(i, rules.get(i))).toList());
    double buildMs = (System.nanoTime() - buildStart) / 1e6;

    // (a) naive: every rule evaluated, as many articles as the budget allows (at least 3), after a short warm-up.
    naiveMatches(rules, articles.getFirst());
    List<Set<Integer>> naive = new ArrayList<>();
    long naiveStart = cpuNanos();
    while (naive.size() < articles.size() && (naive.size() < 3 || cpuNanos() - naiveStart < naiveBudget.toNanos())) {
      naive.add(naiveMatches(rules, articles.get(naive.size())));
    }
    double naiveRate = naive.size() / ((cpuNanos() - naiveStart) / 1e9);

    // (c) ours: warmed up over every article, then as many passes as fit the measuring time.
    long candidates = 0;
    long matched = 0;
    int mismatches = 0;
    for (int i = 0; i < articles.size(); i++) {
      PreparedArticle article = PreparedArticle.of(articles.get(i));
      candidates += index.candidates(article).size();
      Set<Integer> ours = keys(index.matches(PreparedArticle.of(articles.get(i))));
      matched += ours.size();
      if (i < naive.size() && !ours.equals(naive.get(i))) {
        mismatches++;
      }
    }
    double oursRate = rate(articles, measure, article -> index.matches(PreparedArticle.of(article)).size());
    double explainedRate = rate(articles, measure, article -> {
      int reasons = 0;
      for (RuleIndex.Entry<Integer> entry : index.matches(PreparedArticle.of(article))) {
        reasons += RuleEvaluator.evaluate(entry.rule(), article).termMatches().size();
      }
      return reasons;
    });
    long naiveMatched = naive.stream().mapToLong(Set::size).sum();
    long oursOnNaiveArticles = 0;
    for (int i = 0; i < naive.size(); i++) {
      oursOnNaiveArticles += index.matches(PreparedArticle.of(articles.get(i))).size();
    }

    rows.put(at + ": index built in", String.format(Locale.ROOT, "%.0f ms", buildMs));
    rows.put(at + ": (a) naive loop", String.format(Locale.ROOT, "**%.2f articles/s** (%d articles)", naiveRate, naive.size()));
    rows.put(at + ": (c) rule index", String.format(Locale.ROOT, "**%,.0f articles/s** (%.0f× naive)", oursRate, oursRate / naiveRate));
    rows.put(at + ": (c) rule index + explanations of the matches", String.format(Locale.ROOT, "%,.0f articles/s", explainedRate));
    rows.put(at + ": candidates / matches per article", String.format(Locale.ROOT, "%.1f / %.1f (%.2f %% of the rules are candidates)",
        candidates / (double) articles.size(), matched / (double) articles.size(), 100.0 * candidates / articles.size() / rules.size()));
    rows.put(at + ": agreement with (a)", String.format(Locale.ROOT, "%d vs %d matches on %d articles, %d article(s) with a different set",
        naiveMatched, oursOnNaiveArticles, naive.size(), mismatches));

    // (b) Lucene Monitor, in memory with its default configuration, under each of its term presearchers.
    Map<String, Supplier<Presearcher>> presearchers = new LinkedHashMap<>();
    presearchers.put("TermFilteredPresearcher", TermFilteredPresearcher::new);
    presearchers.put("MultipassTermFilteredPresearcher(2)", () -> new MultipassTermFilteredPresearcher(2));
    presearchers.forEach((name, presearcher) -> measureMonitor(name, presearcher.get(), rules, articles, naive, measure, at, rows));

    rows.forEach((name, value) -> {
      if (name.startsWith(at)) {
        System.out.println("  " + name.substring(at.length() + 2) + ": " + value);
      }
    });
  }

  private static void measureMonitor(String name, Presearcher presearcher, List<ResolvedRule> rules, List<ArticleEnriched> articles,
      List<Set<Integer>> naive, Duration measure, String at, Map<String, String> rows) {
    long buildStart = System.nanoTime();
    try (Monitor monitor = new Monitor(LuceneRules.WORDS, presearcher)) {
      monitor.register(IntStream.range(0, rules.size()).mapToObj(i -> new MonitorQuery(Integer.toString(i), LuceneRules.query(rules.get(i)))).toList());
      double buildMs = (System.nanoTime() - buildStart) / 1e6;

      long candidates = 0;
      long matched = 0;
      long naiveMatched = 0;
      long monitorOnNaiveArticles = 0;
      Map<String, Integer> onlyNaive = new TreeMap<>();
      Map<String, Integer> onlyMonitor = new TreeMap<>();
      for (int i = 0; i < articles.size(); i++) {
        MatchingQueries<QueryMatch> matches = monitorMatches(monitor, articles.get(i));
        candidates += matches.getQueriesRun();
        matched += matches.getMatchCount();
        if (i < naive.size()) {
          Set<Integer> found = new HashSet<>();
          matches.getMatches().forEach(match -> found.add(Integer.parseInt(match.getQueryId())));
          naiveMatched += naive.get(i).size();
          monitorOnNaiveArticles += found.size();
          countDifferences(naive.get(i), found, rules, onlyNaive);
          countDifferences(found, naive.get(i), rules, onlyMonitor);
        }
      }
      double monitorRate = rate(articles, measure, article -> monitorMatches(monitor, article).getMatchCount());

      String row = at + ": (b) Monitor, " + name;
      rows.put(row, String.format(Locale.ROOT, "**%,.1f articles/s**; %.1f candidates / %.1f matches per article (%.2f %% of the rules are candidates); built in %.0f ms",
          monitorRate, candidates / (double) articles.size(), matched / (double) articles.size(), 100.0 * candidates / articles.size() / rules.size(), buildMs));
      rows.put(row + ": agreement with (a)", String.format(Locale.ROOT, "%d vs %d matches on %d articles; pairs only in (a): %s; only in (b): %s",
          naiveMatched, monitorOnNaiveArticles, naive.size(), describe(onlyNaive), describe(onlyMonitor)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MatchingQueries<QueryMatch> monitorMatches(Monitor monitor, ArticleEnriched article) {
    try {
      return monitor.match(LuceneRules.document(article), QueryMatch.SIMPLE_MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts the rules of {@code these} missing from {@code others} by the kinds of text leaf they have, where tokenisation differs. */
  private static void countDifferences(Set<Integer> these, Set<Integer> others, List<ResolvedRule> rules, Map<String, Integer> counts) {
    for (int rule : these) {
      if (!others.contains(rule)) {
        counts.merge(leafKinds(rules.get(rule)), 1, Integer::sum);
      }
    }
  }

  private static String leafKinds(ResolvedRule rule) {
    Set<String> kinds = new TreeSet<>();
    rule.resolutions().values().forEach(resolution -> {
      if (!(resolution instanceof Resolution.Entity)) {
        kinds.add(resolution.getClass().getSimpleName().toLowerCase(Locale.ROOT));
      }
    });
    return kinds.isEmpty() ? "tags only" : String.join("+", kinds);
  }

  private static String describe(Map<String, Integer> differences) {
    int total = differences.values().stream().mapToInt(Integer::intValue).sum();
    return total == 0 ? "0" : total + " " + differences;
  }

  private static Set<Integer> naiveMatches(List<ResolvedRule> rules, ArticleEnriched article) {
    Set<Integer> matches = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      if (RuleEvaluator.evaluate(rules.get(i), article).matched()) {
        matches.add(i);
      }
    }
    return matches;
  }

  private static Set<Integer> keys(List<RuleIndex.Entry<Integer>> entries) {
    Set<Integer> keys = new HashSet<>();
    entries.forEach(entry -> keys.add(entry.key()));
    return keys;
  }

  /**
   * CPU time of this thread: the machine is shared with builds, so wall time would measure them too. A thread on a core of
   * its own gets as many articles through per wall second.
   */
  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * Articles per second of CPU time through {@code work}, cycling over the articles for {@code duration} after one warm-up
   * pass of the same length.
   */
  private static double rate(List<ArticleEnriched> articles, Duration duration, Function<ArticleEnriched, Integer> work) {
    double rate = 0;
    for (int pass = 0; pass < 2; pass++) {
      long start = cpuNanos();
      long done = 0;
      long results = 0;
      while (cpuNanos() - start < duration.toNanos()) {
        results += work.apply(articles.get((int) (done++ % articles.size())));
      }
      rate = done / ((cpuNanos() - start) / 1e9);
      // Published so that the JIT cannot drop the work whose result nobody reads.
      sink = results;
    }
    return rate;
  }

  /** 800-word articles from the seeds, tagged by the real tagger, from a few sources. */
  private static List<ArticleEnriched> articles(int count, Tagger tagger) {
    SeedTemplates templates = SeedTemplates.ofRepository();
    List<ArticleEnriched> articles = new ArrayList<>();
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    for (int n = 0; n < count; n++) {
      String title = templates.title(n);
      String body = templates.body(n, WORDS_PER_ARTICLE);
      Tagging tagging = tagger.tag(title, body, "en");
      String id = String.format(Locale.ROOT, "%032x", n);
      ArticleIngested ingested = new ArticleIngested(id, 1, "https://example.org/news/" + n, SOURCES.get(n % SOURCES.size()), title, body, null,
          n % 10 == 9 ? "fr" : "en", OffsetDateTime.parse("2026-11-29T12:00:00Z"), false, now, "sha256:" + id);
      articles.add(new ArticleEnriched(ingested, tagging.actors(), tagging.topics(), "story-" + id, tagging.knowledgeBaseVersion(), now));
    }
    return articles;
  }
}
