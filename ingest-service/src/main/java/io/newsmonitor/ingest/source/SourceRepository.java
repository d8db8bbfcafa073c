package io.newsmonitor.ingest.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sources, and the claim that hands each due feed to exactly one polling instance. */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, String> {

  /** All sources, by id. */
  public List<Source> listOrdered() {
    return list("order by id");
  }

  /**
   * Claims up to {@code limit} feeds that are due at {@code now}: their {@code next_poll_at} moves {@code lease} ahead, so that
   * other instances (and later ticks) skip them while this one polls. An instance that dies mid-poll thus delays a feed by one
   * lease at most. {@code skip locked} lets concurrent instances claim disjoint sets instead of queueing behind each other.
   *
   * @return the ids claimed, most overdue first
   */
  @SuppressWarnings("unchecked")
  public List<String> claimDue(Instant now, Duration lease, int limit) {
    return getEntityManager().createNativeQuery("""
            update {h-schema}source set next_poll_at = ?1
            where id in (select id from {h-schema}source
                         where type = 'feed' and not paused and next_poll_at <= ?2
                         order by next_poll_at limit ?3 for update skip locked)
            returning id""")
        .setParameter(1, now.plus(lease))
        .setParameter(2, now)
        .setParameter(3, limit)
        .getResultList();
  }

  /** Feeds polled as usual: not paused, and failing (if at all) for fewer than {@code failures} polls in a row. */
  public long countHealthy(int failures) {
    return count("type = 'feed' and not paused and consecutiveFailures < ?1", failures);
  }

  /** Feeds not paused that failed at least {@code failures} polls in a row. */
  public long countUnhealthy(int failures) {
    return count("type = 'feed' and not paused and consecutiveFailures >= ?1", failures);
  }

  /** Feeds paused by an operator. */
  public long countPaused() {
    return count("type = 'feed' and paused");
  }
}
