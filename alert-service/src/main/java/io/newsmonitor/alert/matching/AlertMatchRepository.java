package io.newsmonitor.alert.matching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.hibernate.query.NativeQuery;
import java.util.UUID;

/** Matches in PostgreSQL. */
@ApplicationScoped
public class AlertMatchRepository implements PanacheRepositoryBase<AlertMatch, UUID> {

  /** Which of {@code subscriptionIds} have already matched the article (any revision). */
  public Set<UUID> subscriptionsMatched(String articleId, Collection<UUID> subscriptionIds) {
    if (subscriptionIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(find("select subscriptionId from AlertMatch where articleId = ?1 and subscriptionId in ?2", articleId, Set.copyOf(subscriptionIds))
        .project(UUID.class)
        .list());
  }

  /** The id of the subscription's alert for the story: its first match, the one the story's other copies attach to. */
  public Optional<UUID> alertOfStory(UUID subscriptionId, String storyId) {
    return find("select id from AlertMatch where subscriptionId = ?1 and storyId = ?2 and attachedTo is null", subscriptionId, storyId)
        .project(UUID.class)
        .firstResultOptional();
  }

  /**
   * Inserts the match unless the subscription already has one for its article, or, when it is an alert ({@code attachedTo}
   * null), already has an alert for its story. Two consumers racing (a rebalance, or two instances each given a copy of one
   * story) insert one row and neither fails: the second insert waits for the first transaction and, once it commits, does
   * nothing.
   *
   * @return true when this call inserted it
   */
  public boolean insertIfAbsent(AlertMatch match) {
    int inserted = getEntityManager().createNativeQuery("""
            insert into {h-schema}alert_match (id, subscription_id, article_id, revision, story_id, article_title, attached_to, matched_at, payload,
                                              ingested_at, traceparent, tracestate)
            values (:id, :subscriptionId, :articleId, :revision, :storyId, :articleTitle, :attachedTo, :matchedAt, cast(:payload as jsonb),
                    :ingestedAt, :traceparent, :tracestate)
            on conflict do nothing""")
        .setParameter("id", match.id)
        .setParameter("subscriptionId", match.subscriptionId)
        .setParameter("articleId", match.articleId)
        .setParameter("revision", match.revision)
        .setParameter("storyId", match.storyId)
        .setParameter("articleTitle", match.articleTitle)
        .setParameter("matchedAt", match.matchedAt)
        .setParameter("payload", match.payload)
        // Typed: a null bound without its type reaches PostgreSQL as a value it will not take for a uuid column.
        .unwrap(NativeQuery.class)
        .setParameter("attachedTo", match.attachedTo, UUID.class)
        .setParameter("ingestedAt", match.ingestedAt, Instant.class)
        .setParameter("traceparent", match.traceparent, String.class)
        .setParameter("tracestate", match.tracestate, String.class)
        .executeUpdate();
    return inserted == 1;
  }
}
