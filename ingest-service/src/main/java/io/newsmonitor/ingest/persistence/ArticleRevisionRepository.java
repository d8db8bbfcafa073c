package io.newsmonitor.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Revisions already published, and the one insert that decides which instance publishes a new revision. */
@ApplicationScoped
public class ArticleRevisionRepository implements PanacheRepositoryBase<ArticleRevision, ArticleRevision.Key> {

  /** The revision of {@code articleId} that carried this content, if one did. */
  public Optional<ArticleRevision> findByContentHash(String articleId, String contentHash) {
    return find("articleId = ?1 and contentHash = ?2", articleId, contentHash).firstResultOptional();
  }

  /** The highest revision of {@code articleId}, 0 when it was never published. */
  public int latestRevision(String articleId) {
    Integer latest = getEntityManager()
        .createQuery("select max(r.revision) from ArticleRevision r where r.articleId = :articleId", Integer.class)
        .setParameter("articleId", articleId)
        .getSingleResult();
    return latest == null ? 0 : latest;
  }

  /**
   * Inserts {@code revision} unless its key or its content is already there, and tells whether it did.
   *
   * <p>{@code on conflict do nothing} instead of persist-and-catch: a failed insert would abort the whole PostgreSQL
   * transaction, while this one waits for a concurrent writer of the same row to finish and then simply reports that
   * it lost — so two instances racing on one article publish it once.
   */
  public boolean insertIfAbsent(ArticleRevision revision) {
    int inserted = getEntityManager()
        .createNativeQuery("insert into {h-schema}article_revision (article_id, revision, content_hash, title, ingested_at)"
            + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
        .setParameter(1, revision.articleId)
        .setParameter(2, revision.revision)
        .setParameter(3, revision.contentHash)
        .setParameter(4, revision.title)
        .setParameter(5, revision.ingestedAt)
        .executeUpdate();
    return inserted == 1;
  }
}
