package io.newsmonitor.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.ingest.config.FeedConfig;
import io.newsmonitor.ingest.source.SourceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import io.newsmonitor.support.problem.ProblemException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Ingest as Prometheus sees it: articles by the way they came and what became of them, feed polls by outcome, feeds by
 * health. Created at startup, so that every series exists before the first article or poll: alerts on them need them from
 * the start.
 */
@Startup
@ApplicationScoped
public class IngestMetrics {

  /** How an article came in. */
  public enum Via {
    FEED, PUSH, IMPORT;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What became of an article: a new one, a new revision of a known one, a repeat, or refused as invalid. */
  enum Outcome {
    PUBLISHED, REVISED, DUPLICATE, REJECTED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Via, Map<Outcome, Counter>> articles = new EnumMap<>(Via.class);
  private final Counter pollsSucceeded;
  private final Counter pollsNotModified;
  private final Counter pollsFailed;

  IngestMetrics(MeterRegistry registry, SourceRepository sources, FeedConfig config) {
    for (Via via : Via.values()) {
      Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
      for (Outcome outcome : Outcome.values()) {
        byOutcome.put(outcome, Counter.builder("newsmonitor.articles.ingested").description("Articles ingested, by way in and outcome")
            .tag("via", via.tag()).tag("outcome", outcome.tag()).register(registry));
      }
      articles.put(via, byOutcome);
    }
    pollsSucceeded = polls(registry, "success");
    pollsNotModified = polls(registry, "not-modified");
    pollsFailed = polls(registry, "failure");
    int unhealthyAfter = config.unhealthyAfter();
    feeds(registry, "healthy", repository -> repository.countHealthy(unhealthyAfter), sources);
    feeds(registry, "unhealthy", repository -> repository.countUnhealthy(unhealthyAfter), sources);
    feeds(registry, "paused", SourceRepository::countPaused, sources);
  }

  private static Counter polls(MeterRegistry registry, String outcome) {
    return Counter.builder("newsmonitor.feed.polls").description("Feed polls, by outcome").tag("outcome", outcome).register(registry);
  }

  private static void feeds(MeterRegistry registry, String health, ToLongFunction<SourceRepository> count, SourceRepository sources) {
    Gauge.builder("newsmonitor.feed.sources", () -> QuarkusTransaction.requiringNew().call(() -> count.applyAsLong(sources)))
        .description("Feeds by health: healthy (below ingest.feeds.unhealthy-after failures in a row), unhealthy, paused")
        .tag("health", health)
        .register(registry);
  }

  /** {@code result} of an article that came in {@code via}. */
  void ingested(Via via, IngestResult result) {
    Outcome outcome = result.status() == IngestResult.Status.DUPLICATE ? Outcome.DUPLICATE
        : result.revision() == 1 ? Outcome.PUBLISHED : Outcome.REVISED;
    articles.get(via).get(outcome).increment();
  }

  /** An article that came in {@code via} and was refused as invalid (nothing published). */
  public void rejected(Via via) {
    articles.get(via).get(Outcome.REJECTED).increment();
  }

  /** The draft {@code draft} makes, counting it {@code rejected} when it is refused as invalid (a 400 problem, rethrown). */
  public ArticleDraft unlessRejected(Via via, Supplier<ArticleDraft> draft) {
    try {
      return draft.get();
    } catch (ProblemException e) {
      if (e.status() == 400) {
        rejected(via);
      }
      throw e;
    }
  }

  /** A feed poll: failed, answered 304, or fetched and ingested. */
  public void polled(boolean success, boolean notModified) {
    (!success ? pollsFailed : notModified ? pollsNotModified : pollsSucceeded).increment();
  }
}
