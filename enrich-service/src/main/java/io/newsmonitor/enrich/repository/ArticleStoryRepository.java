package io.newsmonitor.enrich.repository;

import io.newsmonitor.enrich.ArticleStory;
import io.newsmonitor.enrich.story.Reach;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
   * The articles other than {@code articleId} that have one of {@code keys} and are in {@code reach}: for each key, dated and
   * estimated apart, the {@code perKey} published last before {@code at} and the {@code perKey} first after it (four scans of
   * the primary key in its order, however many articles share the key; an unbounded side of the reach reads no further than
   * those). Read-only: candidates are compared, never changed, and managed copies of hundreds of rows with their arrays would
   * cost a dirty check each at every flush.
   */
  public List<ArticleStory> withAnyKey(long[] keys, Instant at, Reach reach, String articleId, int perKey) {
    if (keys.length == 0) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<String> ids = getEntityManager().createNativeQuery("""
            select distinct nearest.article_id from unnest(cast(string_to_array(:keys, ',') as bigint[])) as k(key)
            cross join lateral (
                (select s.article_id from {h-schema}story_key s
                 where s.key = k.key and not s.published_estimated and s.published between cast(:datedFrom as timestamptz) and :at
                   and s.article_id <> :articleId
                 order by s.published desc limit :perKey)
                union all
                (select s.article_id from {h-schema}story_key s
                 where s.key = k.key and not s.published_estimated and s.published > :at and s.published <= cast(:datedTo as timestamptz)
                   and s.article_id <> :articleId
                 order by s.published limit :perKey)
                union all
                (select s.article_id from {h-schema}story_key s
                 where s.key = k.key and s.published_estimated and s.published between cast(:estimatedFrom as timestamptz) and :at
                   and s.article_id <> :articleId
                 order by s.published desc limit :perKey)
                union all
                (select s.article_id from {h-schema}story_key s
                 where s.key = k.key and s.published_estimated and s.published > :at and s.published <= cast(:estimatedTo as timestamptz)
                   and s.article_id <> :articleId
                 order by s.published limit :perKey)) as nearest
            """, String.class)
        .setParameter("keys", join(keys))
        .setParameter("at", at)
        .setParameter("datedFrom", bound(reach.datedFrom()))
        .setParameter("datedTo", bound(reach.datedTo()))
        .setParameter("estimatedFrom", bound(reach.estimatedFrom()))
        .setParameter("estimatedTo", bound(reach.estimatedTo()))
        .setParameter("articleId", articleId)
        .setParameter("perKey", perKey)
        .getResultList();
    return ids.isEmpty() ? List.of() : find("articleId in ?1", ids).withHint(HibernateHints.HINT_READ_ONLY, true).list();
  }

  /**
   * Of {@code storyIds}, those with at least one dated article, each mapped to whether one of them is in {@code reach}.
   * A story missing from the answer has only estimated articles.
   */
  public Map<String, Boolean> datedMembersInReach(Collection<String> storyIds, Reach reach) {
    if (storyIds.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = getEntityManager().createNativeQuery("""
            select story_id, bool_or(published between cast(:datedFrom as timestamptz) and cast(:datedTo as timestamptz))
            from {h-schema}article_story
            where story_id in (:storyIds) and not published_estimated and published is not null
            group by story_id
            """)
        .setParameter("storyIds", storyIds)
        .setParameter("datedFrom", bound(reach.datedFrom()))
        .setParameter("datedTo", bound(reach.datedTo()))
        .getResultList();
    return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Boolean) row[1]));
  }

  /** Makes {@code keys} the article's keys, dropping those of its earlier revision. */
  public void replaceKeys(String articleId, Instant published, boolean publishedEstimated, long[] keys) {
    // The keys reference the article's row: write it first.
    getEntityManager().flush();
    getEntityManager().createNativeQuery("delete from {h-schema}story_key where article_id = :articleId")
        .setParameter("articleId", articleId)
        .executeUpdate();
    if (keys.length > 0) {
      getEntityManager().createNativeQuery("""
              insert into {h-schema}story_key (key, published, published_estimated, article_id)
              select k, :published, :publishedEstimated, :articleId from unnest(cast(string_to_array(:keys, ',') as bigint[])) as k
              """)
          .setParameter("keys", join(keys))
          .setParameter("published", published)
          .setParameter("publishedEstimated", publishedEstimated)
          .setParameter("articleId", articleId)
          .executeUpdate();
    }
  }

  /** A bound of a {@link Reach} as PostgreSQL reads it, where no bound is an infinite timestamp. */
  private static String bound(Instant instant) {
    if (instant.equals(Instant.MIN)) {
      return "-infinity";
    }
    return instant.equals(Instant.MAX) ? "infinity" : instant.toString();
  }

  private static String join(long[] keys) {
    return Arrays.stream(keys).mapToObj(Long::toString).collect(Collectors.joining(","));
  }
}
