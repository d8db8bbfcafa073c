package io.newsmonitor.enrich.repository;

import io.newsmonitor.enrich.ArticleStory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Stories of articles: {@code enrich.article_story}. */
@ApplicationScoped
public class ArticleStoryRepository implements PanacheRepositoryBase<ArticleStory, String> {

  /**
   * Records that {@code revision} of an article was enriched and returns its row: a new article gets {@code storyId}, a
   * known one keeps its story; a newer revision moves {@code revision} and {@code enrichedAt} forward, the same or an older
   * one changes nothing. One statement ({@code INSERT … ON CONFLICT}), so two instances enriching the same article at once
   * cannot both insert.
   */
  public ArticleStory upsert(String articleId, String storyId, int revision, Instant enrichedAt) {
    getEntityManager().createNativeQuery("""
            insert into {h-schema}article_story as s (article_id, story_id, revision, enriched_at)
            values (:articleId, :storyId, :revision, :enrichedAt)
            on conflict (article_id) do update set revision = excluded.revision, enriched_at = excluded.enriched_at
            where s.revision < excluded.revision
            """)
        .setParameter("articleId", articleId)
        .setParameter("storyId", storyId)
        .setParameter("revision", revision)
        .setParameter("enrichedAt", enrichedAt)
        .executeUpdate();
    ArticleStory story = findById(articleId);
    // The row may have been loaded earlier in this transaction: read what the statement left.
    getEntityManager().refresh(story);
    return story;
  }
}
