package io.newsmonitor.ingest.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmonitor.ingest.config.FeedConfig;
import io.newsmonitor.ingest.source.SourceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feed polling as Prometheus sees it: polls by outcome, items published, and how many feeds are unhealthy right now.
 * Created at startup, so that the series exist before the first poll: dashboards and alerts on them need them from the start.
 */
@Startup
@ApplicationScoped
public class PollMetrics {

  private final Counter succeeded;
  private final Counter notModified;
  private final Counter failed;
  private final Counter published;

  PollMetrics(MeterRegistry registry, SourceRepository sources, FeedConfig config) {
    succeeded = Counter.builder("ingest.feed.polls").tag("outcome", "success").description("Feed polls").register(registry);
    notModified = Counter.builder("ingest.feed.polls").tag("outcome", "not-modified").description("Feed polls").register(registry);
    failed = Counter.builder("ingest.feed.polls").tag("outcome", "failure").description("Feed polls").register(registry);
    published = Counter.builder("ingest.feed.items.published").description("Feed items published as new articles or revisions").register(registry);
    Gauge.builder("ingest.sources.unhealthy", () -> QuarkusTransaction.requiringNew().call(() -> sources.countUnhealthy(config.unhealthyAfter())))
        .description("Feeds that failed ingest.feeds.unhealthy-after polls in a row")
        .register(registry);
  }

  void polled(FeedPollService.Outcome outcome) {
    if (!outcome.success()) {
      failed.increment();
    } else if (outcome.notModified()) {
      notModified.increment();
    } else {
      succeeded.increment();
    }
    published.increment(outcome.published());
  }
}
