package io.newsmonitor.enrich.repository;

import io.newsmonitor.enrich.ArticleStory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

/**
 * Stories of articles and their LSH keys: {@code enrich.article_story} and {@code enrich.story_key}. Keys travel to
 * PostgreSQL as one comma-separated text cast to {@code bigint[]}: a single bind value whatever their number, and their
 * order kept.
 */
@ApplicationScoped
public class ArticleStoryRepository implements PanacheRepositoryBase<ArticleStory, String> {

  /**
   * Takes a transaction-level advisory lock on each key, in the order given, waiting for any transaction that holds one
   * to end. Every writer locks its keys in ascending order, so two writers cannot deadlock.
   */
  public void lock(long[] ascendingKeys) {
    getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(k) from unnest(cast(string_to_array(:keys, ',') as bigint[])) as k) as locked")
        .setParameter("keys", join(ascendingKeys))
        .getSingleResult();
  }

  /**
   * The articles other than {@code articleId} that have one of {@code keys}, published between {@code from} and {@code to}:
   * for each key, the {@code perKey} published last before {@code at} and the {@code perKey} first after it (two scans of
   * the primary key in its order, however many articles share the key). Read-only: candidates are compared, never changed, and
   * managed copies of hundreds of rows with their arrays would cost a dirty check each at every flush.
   */
  public List<ArticleStory> withAnyKey(long[] keys, Instant at, Instant from, Instant to, String articleId, int perKey) {
    if (keys.length == 0) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<String> ids = getEntityManager().createNativeQuery("""
            select distinct nearest.article_id from unnest(cast(string_to_array(:keys, ',') as bigint[])) as k(key)
            cross join lateral (
                (select s.article_id from {h-schema}story_key s
                 where s.key = k.key and s.published between :from and :at and s.article_id <> :articleId
                 order by s.published desc limit :perKey)
                union all
                (select s.article_id from {h-schema}story_key s
                 where s.key = k.key and s.published > :at and s.published <= :to and s.article_id <> :articleId
                 order by s.published limit :perKey)) as nearest
            """, String.class)
        .setParameter("keys", join(keys))
        .setParameter("at", at)
        .setParameter("from", from)
        .setParameter("to", to)
        .setParameter("articleId", articleId)
        .setParameter("perKey", perKey)
        .getResultList();
    return ids.isEmpty() ? List.of() : find("articleId in ?1", ids).withHint(HibernateHints.HINT_READ_ONLY, true).list();
  }

  /** Makes {@code keys} the article's keys, dropping those of its earlier revision. */
  public void replaceKeys(String articleId, Instant published, long[] keys) {
    // The keys reference the article's row: write it first.
    getEntityManager().flush();
    getEntityManager().createNativeQuery("delete from {h-schema}story_key where article_id = :articleId")
        .setParameter("articleId", articleId)
        .executeUpdate();
    if (keys.length > 0) {
      getEntityManager().createNativeQuery("""
              insert into {h-schema}story_key (key, published, article_id)
              select k, :published, :articleId from unnest(cast(string_to_array(:keys, ',') as bigint[])) as k
              """)
          .setParameter("keys", join(keys))
          .setParameter("published", published)
          .setParameter("articleId", articleId)
          .executeUpdate();
    }
  }

  private static String join(long[] keys) {
    return Arrays.stream(keys).mapToObj(Long::toString).collect(Collectors.joining(","));
  }
}
