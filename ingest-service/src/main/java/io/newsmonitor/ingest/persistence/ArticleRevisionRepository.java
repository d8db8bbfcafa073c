package io.newsmonitor.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Revisions already published, and the one statement that decides which instance publishes a new revision. */
@ApplicationScoped
public class ArticleRevisionRepository implements PanacheRepositoryBase<ArticleRevision, ArticleRevision.Key> {

  /**
   * In one round trip: the revision that already carried this content, or else the next revision, inserted. Both reads
   * see one snapshot, and {@code on conflict do nothing} (on the key or on the content) waits for a concurrent writer of
   * the same row to finish and then inserts nothing — the statement returns no row and the caller looks again. A failed
   * insert would instead abort the whole PostgreSQL transaction. {@code having} keeps the aggregate from yielding a row
   * when the content is already there.
   */
  private static final String CLAIM = """
      with same as (
        select revision from {h-schema}article_revision where article_id = ?1 and content_hash = ?2
      ), inserted as (
        insert into {h-schema}article_revision (article_id, revision, content_hash, title, ingested_at)
        select ?1, coalesce(max(revision), 0) + 1, ?2, ?3, ?4 from {h-schema}article_revision where article_id = ?1
        having not exists (select 1 from same)
        on conflict do nothing
        returning revision
      )
      select revision, false from same
      union all
      select revision, true from inserted""";

  /** What {@link #claim} found: the revision of the content and whether this call inserted it. */
  public record Claim(int revision, boolean inserted) {
  }

  /**
   * The revision of {@code articleId} that carries {@code contentHash}: the one already published, or the next one,
   * inserted now. Empty when a concurrent transaction wrote a revision of this article first: look again.
   */
  public Optional<Claim> claim(String articleId, String contentHash, String title, Instant ingestedAt) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = getEntityManager().createNativeQuery(CLAIM)
        .setParameter(1, articleId)
        .setParameter(2, contentHash)
        .setParameter(3, title)
        .setParameter(4, ingestedAt)
        .getResultList();
    return rows.stream().findFirst().map(row -> new Claim(((Number) row[0]).intValue(), (Boolean) row[1]));
  }
}
