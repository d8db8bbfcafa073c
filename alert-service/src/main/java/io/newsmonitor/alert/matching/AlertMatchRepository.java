package io.newsmonitor.alert.matching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Matches in PostgreSQL. */
@ApplicationScoped
public class AlertMatchRepository implements PanacheRepositoryBase<AlertMatch, UUID> {

  /** Whether the subscription has already matched the article (any revision). */
  public boolean exists(UUID subscriptionId, String articleId) {
    return count("subscriptionId = ?1 and articleId = ?2", subscriptionId, articleId) > 0;
  }

  /**
   * Inserts the match unless the subscription already has one for its article: two consumers racing on the same record
   * (a rebalance) insert one row, and neither fails.
   *
   * @return true when this call inserted it
   */
  public boolean insertIfAbsent(AlertMatch match) {
    int inserted = getEntityManager().createNativeQuery("""
            insert into {h-schema}alert_match (id, subscription_id, article_id, revision, story_id, article_title, matched_at, payload)
            values (:id, :subscriptionId, :articleId, :revision, :storyId, :articleTitle, :matchedAt, cast(:payload as jsonb))
            on conflict (subscription_id, article_id) do nothing""")
        .setParameter("id", match.id)
        .setParameter("subscriptionId", match.subscriptionId)
        .setParameter("articleId", match.articleId)
        .setParameter("revision", match.revision)
        .setParameter("storyId", match.storyId)
        .setParameter("articleTitle", match.articleTitle)
        .setParameter("matchedAt", match.matchedAt)
        .setParameter("payload", match.payload)
        .executeUpdate();
    return inserted == 1;
  }
}
