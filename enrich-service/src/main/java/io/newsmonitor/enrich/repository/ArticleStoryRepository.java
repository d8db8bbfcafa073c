package io.newsmonitor.enrich.repository;

import io.newsmonitor.enrich.ArticleStory;
import io.newsmonitor.enrich.story.Fingerprint;
import io.newsmonitor.enrich.story.MinHash;
import io.newsmonitor.enrich.story.Reach;
import io.newsmonitor.enrich.story.StoryConfig;
import io.newsmonitor.enrich.story.TagProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Stories of articles and their LSH keys: {@code enrich.article_story} and {@code enrich.story_key}, in plain JDBC on the
 * caller's transaction (the datasource enlists its connection in it). An article costs PostgreSQL two round trips and the
 * commit: the locks with the look-up of its row and of its candidates, then its row with its keys. Each round trip sends
 * its statements together; PostgreSQL still runs them one after the other, each with a snapshot of its own, so a statement
 * after a lock sees what the transaction it waited for committed. Rows are read as the columns compared, never as managed
 * entities: candidates are compared, never changed.
 */
@ApplicationScoped
public class ArticleStoryRepository {

  private static final String COLUMNS = "a.article_id, a.story_id, a.revision, a.enriched_at, a.published, a.published_estimated, a.minhash, a.tag_ids, a.tag_weights";

  /**
   * The locks, then the article's own row (if any) and its candidates: for each key, dated and estimated apart, the
   * {@code perKey} published last before the article and the {@code perKey} first after it (four scans of the primary key
   * in its order, however many articles share the key; an unbounded side of the reach reads no further than those).
   */
  private static final String LOCK_AND_FIND = """
      select count(*) from (select pg_advisory_xact_lock(k) from unnest(cast(? as bigint[])) as k) as locked;
      with p as materialized (
          select cast(? as varchar) as article_id, cast(? as bigint[]) as keys, cast(? as timestamptz) as at,
                 cast(? as timestamptz) as dated_from, cast(? as timestamptz) as dated_to,
                 cast(? as timestamptz) as estimated_from, cast(? as timestamptz) as estimated_to),
      nearest as (
          select side.article_id from p cross join unnest(p.keys) as k(key) cross join lateral (
              (select s.article_id from enrich.story_key s
               where s.key = k.key and not s.published_estimated and s.published between p.dated_from and p.at and s.article_id <> p.article_id
               order by s.published desc limit %1$d)
              union all
              (select s.article_id from enrich.story_key s
               where s.key = k.key and not s.published_estimated and s.published > p.at and s.published <= p.dated_to and s.article_id <> p.article_id
               order by s.published limit %1$d)
              union all
              (select s.article_id from enrich.story_key s
               where s.key = k.key and s.published_estimated and s.published between p.estimated_from and p.at and s.article_id <> p.article_id
               order by s.published desc limit %1$d)
              union all
              (select s.article_id from enrich.story_key s
               where s.key = k.key and s.published_estimated and s.published > p.at and s.published <= p.estimated_to and s.article_id <> p.article_id
               order by s.published limit %1$d)) as side)
      select %2$s from enrich.article_story a join p on a.article_id = p.article_id
      union all
      select %2$s from enrich.article_story a where a.article_id in (select article_id from nearest)
      """;

  /** The keys of the row just written ({@code written}), with its published time for the look-ups in reach. */
  private static final String KEYS_OF_WRITTEN = """
      insert into enrich.story_key (key, published, published_estimated, article_id)
      select k, written.published, written.published_estimated, written.article_id from written cross join unnest(cast(? as bigint[])) as k
      """;

  // One statement: the keys reference the row, whose foreign-key check runs at the end of the statement.
  private static final String INSERT = """
      with written as (
          insert into enrich.article_story (article_id, story_id, revision, enriched_at, published, published_estimated, minhash, tag_ids, tag_weights)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)
          returning article_id, published, published_estimated)
      """ + KEYS_OF_WRITTEN;

  // The delete is a statement of its own: one statement cannot delete a key and insert it again.
  private static final String UPDATE = """
      delete from enrich.story_key where article_id = ?;
      with written as (
          update enrich.article_story
          set revision = ?, enriched_at = ?, published = ?, published_estimated = ?, minhash = ?, tag_ids = ?, tag_weights = ?
          where article_id = ?
          returning article_id, published, published_estimated)
      """ + KEYS_OF_WRITTEN;

  private static final String DATED_MEMBERS_IN_REACH = """
      select story_id, bool_or(published between cast(? as timestamptz) and cast(? as timestamptz))
      from enrich.article_story
      where story_id = any(cast(? as varchar[])) and not published_estimated and published is not null
      group by story_id
      """;

  private final DataSource dataSource;
  private final String lockAndFind;

  public ArticleStoryRepository(DataSource dataSource, StoryConfig config) {
    this.dataSource = dataSource;
    this.lockAndFind = LOCK_AND_FIND.formatted(config.candidatesPerKey(), COLUMNS);
  }

  /**
   * What an article finds once it holds its locks.
   *
   * @param known the article's own row, if an earlier revision was enriched
   * @param candidates the other articles that share one of its keys and are in its reach
   */
  public record Found(Optional<ArticleStory> known, List<ArticleStory> candidates) {
  }

  /**
   * Takes a transaction-level advisory lock on each of {@code ascendingLocks}, in that order, waiting for any transaction that
   * holds one to end (every writer locks in ascending order, so two writers cannot deadlock); then reads the article's row
   * and the articles other than it that have one of {@code keys} and are in {@code reach} of {@code at}.
   */
  public Found lockAndFind(long[] ascendingLocks, String articleId, long[] keys, Instant at, Reach reach) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(lockAndFind)) {
      statement.setArray(1, bigints(connection, ascendingLocks));
      statement.setString(2, articleId);
      statement.setArray(3, bigints(connection, keys));
      statement.setString(4, bound(at));
      statement.setString(5, bound(reach.datedFrom()));
      statement.setString(6, bound(reach.datedTo()));
      statement.setString(7, bound(reach.estimatedFrom()));
      statement.setString(8, bound(reach.estimatedTo()));
      statement.execute();
      if (!statement.getMoreResults()) {
        throw new IllegalStateException("the look-up after the locks returned no rows");
      }
      ArticleStory known = null;
      List<ArticleStory> candidates = new ArrayList<>();
      try (ResultSet rows = statement.getResultSet()) {
        while (rows.next()) {
          ArticleStory row = row(rows);
          if (row.articleId().equals(articleId)) {
            known = row;
          } else {
            candidates.add(row);
          }
        }
      }
      return new Found(Optional.ofNullable(known), candidates);
    } catch (SQLException e) {
      throw new StoryStoreException("Could not look up the candidates of article " + articleId, e);
    }
  }

  /**
   * Of {@code storyIds}, those with at least one dated article, each mapped to whether one of them is in {@code reach}.
   * A story missing from the answer has only estimated articles.
   */
  public Map<String, Boolean> datedMembersInReach(Collection<String> storyIds, Reach reach) {
    if (storyIds.isEmpty()) {
      return Map.of();
    }
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(DATED_MEMBERS_IN_REACH)) {
      statement.setString(1, bound(reach.datedFrom()));
      statement.setString(2, bound(reach.datedTo()));
      statement.setArray(3, connection.createArrayOf("varchar", storyIds.toArray()));
      Map<String, Boolean> inReach = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          inReach.put(rows.getString(1), rows.getBoolean(2));
        }
      }
      return inReach;
    } catch (SQLException e) {
      throw new StoryStoreException("Could not read the dated members of stories " + storyIds, e);
    }
  }

  /** Writes the row of an article seen for the first time, with its keys. */
  public void insert(ArticleStory row, long[] keys) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setString(1, row.articleId());
      statement.setString(2, row.storyId());
      setRevision(connection, statement, 3, row);
      statement.setArray(10, bigints(connection, keys));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoryStoreException("Could not write the story of article " + row.articleId(), e);
    }
  }

  /** Moves a known article's row to a newer revision (its story stays) and makes {@code keys} its keys. */
  public void update(ArticleStory row, long[] keys) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(UPDATE)) {
      statement.setString(1, row.articleId());
      setRevision(connection, statement, 2, row);
      statement.setString(9, row.articleId());
      statement.setArray(10, bigints(connection, keys));
      statement.execute();
    } catch (SQLException e) {
      throw new StoryStoreException("Could not write revision " + row.revision() + " of article " + row.articleId(), e);
    }
  }

  /** The seven columns a revision sets, from {@code first}: revision, enriched at, published, estimated, fingerprint. */
  private static void setRevision(Connection connection, PreparedStatement statement, int first, ArticleStory row) throws SQLException {
    statement.setInt(first, row.revision());
    statement.setObject(first + 1, row.enrichedAt().atOffset(ZoneOffset.UTC));
    statement.setObject(first + 2, row.published().atOffset(ZoneOffset.UTC));
    statement.setBoolean(first + 3, row.publishedEstimated());
    PGConnection postgres = connection.unwrap(PGConnection.class);
    statement.setArray(first + 4, postgres.createArrayOf("int4", row.fingerprint().text().values()));
    statement.setArray(first + 5, postgres.createArrayOf("text", row.fingerprint().tags().ids()));
    statement.setArray(first + 6, postgres.createArrayOf("float8", row.fingerprint().tags().weightValues()));
  }

  private static ArticleStory row(ResultSet rows) throws SQLException {
    OffsetDateTime published = rows.getObject("published", OffsetDateTime.class);
    Array minHash = rows.getArray("minhash");
    Array tagIds = rows.getArray("tag_ids");
    Array tagWeights = rows.getArray("tag_weights");
    // Rows enriched before stories were fingerprinted keep their story but are compared with nothing.
    Fingerprint fingerprint = minHash == null || tagIds == null || tagWeights == null ? null
        : new Fingerprint(MinHash.ofValues(ints(minHash)), TagProfile.of((String[]) tagIds.getArray(), doubles(tagWeights)));
    return new ArticleStory(rows.getString("article_id"), rows.getString("story_id"), rows.getInt("revision"),
        rows.getObject("enriched_at", OffsetDateTime.class).toInstant(), published == null ? null : published.toInstant(),
        rows.getBoolean("published_estimated"), fingerprint);
  }

  private static int[] ints(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = ((Number) values[i]).intValue();
    }
    return ints;
  }

  private static double[] doubles(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    double[] doubles = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      doubles[i] = ((Number) values[i]).doubleValue();
    }
    return doubles;
  }

  private static Array bigints(Connection connection, long[] values) throws SQLException {
    // The driver's own overload takes the primitive array as it is.
    return connection.unwrap(PGConnection.class).createArrayOf("int8", values);
  }

  /** An instant as PostgreSQL reads it, where no bound of a {@link Reach} is an infinite timestamp. */
  private static String bound(Instant instant) {
    if (instant.equals(Instant.MIN)) {
      return "-infinity";
    }
    return instant.equals(Instant.MAX) ? "infinity" : instant.toString();
  }
}
