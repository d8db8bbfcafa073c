package io.newsmonitor.ingest.poll;

import io.newsmonitor.ingest.config.FeedConfig;
import io.newsmonitor.ingest.source.SourceRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Polls due feeds: every tick it claims as many due feeds as it has free slots (so a slow feed never holds up the others and
 * no instance takes more than it can poll), and polls each on a virtual thread. Several instances share the feeds through the
 * claim in PostgreSQL; none polls a feed another one holds.
 */
@ApplicationScoped
public class FeedPoller {

  private final FeedConfig config;
  private final SourceRepository sources;
  private final FeedPollService pollService;
  private final Semaphore slots;
  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-poll-", 0).factory());

  FeedPoller(FeedConfig config, SourceRepository sources, FeedPollService pollService) {
    this.config = config;
    this.sources = sources;
    this.pollService = pollService;
    this.slots = new Semaphore(config.concurrency());
  }

  @Scheduled(every = "${ingest.feeds.tick}", delayed = "${ingest.feeds.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = PollingDisabled.class)
  void tick() throws InterruptedException {
    // Claims again as long as whole batches come back, so throughput follows concurrency and poll time, not the tick.
    while (!executor.isShutdown()) {
      if (!slots.tryAcquire(config.tick().toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
      int wanted = Math.min(slots.availablePermits() + 1, config.claimBatch());
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      List<String> due = QuarkusTransaction.requiringNew().call(() -> sources.claimDue(now, config.claimLease(), wanted));
      if (due.isEmpty()) {
        slots.release();
        return;
      }
      for (int i = 0; i < due.size(); i++) {
        if (i > 0) {
          slots.acquireUninterruptibly();
        }
        String sourceId = due.get(i);
        executor.execute(() -> {
          try {
            pollService.poll(sourceId);
          } finally {
            slots.release();
          }
        });
      }
      if (due.size() < wanted) {
        return;
      }
    }
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    executor.shutdownNow();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      // Their claims expire after ingest.feeds.claim-lease; another instance (or the next start) polls them then.
      Log.warn("feed polls still running at shutdown were abandoned");
    }
  }

  /** Skips ticks when {@code ingest.feeds.polling-enabled=false}. */
  @ApplicationScoped
  public static class PollingDisabled implements Scheduled.SkipPredicate {

    private final FeedConfig config;

    PollingDisabled(FeedConfig config) {
      this.config = config;
    }

    @Override
    public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
      return !config.pollingEnabled();
    }
  }
}
