package io.newsmonitor.enrich.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.newsmonitor.support.observability.LatencyTimers;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Articles enriched or failed, how long one takes from consumed to handed to the producer (the send itself is the Kafka
 * producer's own metrics), and stories started or joined. Created at startup, so that every series exists before the first
 * article.
 */
@Startup
@ApplicationScoped
public class EnrichMetrics {

  private final Counter enriched;
  private final Counter failed;
  private final Timer duration;
  private final Counter newStories;
  private final Counter joinedStories;

  private final TransactionSynchronizationRegistry transactions;

  EnrichMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
    enriched = articles(registry, "enriched");
    failed = articles(registry, "failed");
    duration = LatencyTimers.timer(registry, "newsmonitor.enrich.duration", "From an ingested record consumed to its enriched record handed to the producer",
        Tags.empty());
    newStories = stories(registry, "new");
    joinedStories = stories(registry, "joined");
  }

  private static Counter articles(MeterRegistry registry, String outcome) {
    return Counter.builder("newsmonitor.articles.enriched").description("Ingested records, enriched or failed (sent to the dead-letter topic)")
        .tag("outcome", outcome).register(registry);
  }

  private static Counter stories(MeterRegistry registry, String kind) {
    return Counter.builder("newsmonitor.stories").description("New articles that started a story or joined one").tag("kind", kind).register(registry);
  }

  /** An article enriched, whose processing started at {@code startNanos} ({@link System#nanoTime()}). */
  public void enriched(long startNanos) {
    enriched.increment();
    duration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /** A record not enriched. */
  public void failed() {
    failed.increment();
  }

  /**
   * A new article's story: one it started, or one it joined, counted when the transaction that records it commits. A
   * transaction rolled back (the database went away mid-article) is tried again and would otherwise count its story twice.
   */
  public void story(boolean joined) {
    Counter stories = joined ? joinedStories : newStories;
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {
      }

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          stories.increment();
        }
      }
    });
  }
}
