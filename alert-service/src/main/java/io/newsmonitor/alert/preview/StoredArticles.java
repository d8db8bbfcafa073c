package io.newsmonitor.alert.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The enriched articles alert-service consumed, in the {@code article} table: one row per article, the latest revision.
 * Plain JDBC on the service's datasource, so that a write joins the consumer's transaction and a preview reads its
 * candidates without loading entities.
 */
@ApplicationScoped
public class StoredArticles {

  /**
   * Stores an article, or replaces the stored one with a later revision; an older or repeated revision changes nothing.
   * Parameters as {@link #bindUpsert} sets them. Public for the preview benchmark, which loads its articles with it.
   */
  public static final String UPSERT = """
      insert into alert.article (id, revision, url, source_id, source_name, title, body, summary, lang, published, published_estimated,
          ingested_at, content_hash, story_id, knowledge_base_version, enriched_at, language_coverage, tags, tag_ids, tokens)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::text[], array_to_tsvector(?::text[]))
      on conflict (id) do update set revision = excluded.revision, url = excluded.url, source_id = excluded.source_id,
          source_name = excluded.source_name, title = excluded.title, body = excluded.body, summary = excluded.summary, lang = excluded.lang,
          published = excluded.published, published_estimated = excluded.published_estimated, ingested_at = excluded.ingested_at,
          content_hash = excluded.content_hash, story_id = excluded.story_id, knowledge_base_version = excluded.knowledge_base_version,
          enriched_at = excluded.enriched_at, language_coverage = excluded.language_coverage, tags = excluded.tags,
          tag_ids = excluded.tag_ids, tokens = excluded.tokens
        where article.revision < excluded.revision
      """;

  private static final String COLUMNS = "id, revision, url, source_id, source_name, title, body, summary, lang, published, published_estimated,"
      + " ingested_at, content_hash, story_id, knowledge_base_version, enriched_at, language_coverage, tags";

  /** The tags column: the article's actors and topics as the event carries them. */
  record StoredTags(List<Tag> actors, List<Tag> topics) {
  }

  private final DataSource dataSource;

  public StoredArticles(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores {@code article} in the caller's transaction (see {@link #UPSERT}). */
  public void store(ArticleEnriched article) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      bindUpsert(upsert, article);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store article " + article.article().id(), e);
    }
  }

  /** Sets the parameters of {@link #UPSERT} for {@code enriched}. */
  public static void bindUpsert(PreparedStatement upsert, ArticleEnriched enriched) throws SQLException {
    ArticleIngested article = enriched.article();
    int i = 0;
    upsert.setString(++i, article.id());
    upsert.setInt(++i, article.revision());
    upsert.setString(++i, article.url());
    upsert.setString(++i, article.source().id());
    upsert.setString(++i, article.source().name());
    upsert.setString(++i, article.title());
    upsert.setString(++i, article.body());
    upsert.setString(++i, article.summary());
    upsert.setString(++i, article.language());
    upsert.setObject(++i, article.published());
    upsert.setBoolean(++i, article.publishedEstimated());
    upsert.setObject(++i, utc(article.ingestedAt()));
    upsert.setString(++i, article.contentHash());
    upsert.setString(++i, enriched.storyId());
    upsert.setString(++i, enriched.knowledgeBaseVersion());
    upsert.setObject(++i, utc(enriched.enrichedAt()));
    upsert.setString(++i, enriched.languageCoverage());
    upsert.setString(++i, json(new StoredTags(enriched.actors(), enriched.topics())));
    upsert.setArray(++i, upsert.getConnection().createArrayOf("text",
        Stream.concat(enriched.actors().stream(), enriched.topics().stream()).map(Tag::id).distinct().toArray()));
    Optional<String[]> tokens = Tokens.ofArticle(article.title(), article.body());
    if (tokens.isPresent()) {
      upsert.setArray(++i, upsert.getConnection().createArrayOf("text", tokens.get()));
    } else {
      upsert.setNull(++i, Types.ARRAY);
    }
  }

  /** The stored article with this id. */
  public Optional<ArticleEnriched> find(String id) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from alert.article where id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(article(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read article " + id, e);
    }
  }

  /**
   * Hands the articles published since {@code since} that satisfy {@code prefilter} to {@code visitor}, newest first, until it
   * answers false. One query, read through a cursor {@code fetchSize} rows at a time: stopping early reads no further, and
   * the candidates are selected and sorted once. Runs in the caller's transaction (a cursor needs one).
   */
  void scan(Prefilter prefilter, Instant since, int fetchSize, Predicate<ArticleEnriched> visitor) {
    String sql = "select " + COLUMNS + " from alert.article where published >= ? and " + prefilter.sql() + " order by published desc, id desc";
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
      int i = 0;
      select.setObject(++i, utc(since));
      for (Object parameter : prefilter.parameters()) {
        if (parameter instanceof String[] array) {
          select.setArray(++i, connection.createArrayOf("text", array));
        } else {
          select.setObject(++i, parameter);
        }
      }
      select.setFetchSize(fetchSize);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next() && visitor.test(article(rows))) {
          // The visitor decides when to stop.
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read candidates: " + sql, e);
    }
  }

  /** How many articles were published since {@code since}. */
  long countSince(Instant since) {
    return queryLong("select count(*) from alert.article where published >= ?", since);
  }

  /** Whether an article published since {@code since} is kept without tokens (too many words for a tsvector). */
  boolean anyUntokenisedSince(Instant since) {
    return queryLong("select count(*) from (select 1 from alert.article where tokens is null and published >= ? limit 1) as one", since) > 0;
  }

  /** Deletes the articles published before {@code before}; returns how many. */
  int deletePublishedBefore(Instant before) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement delete = connection.prepareStatement("delete from alert.article where published < ?")) {
      delete.setObject(1, utc(before));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot purge articles", e);
    }
  }

  private long queryLong(String sql, Instant since) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, utc(since));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot query articles: " + sql, e);
    }
  }

  private static ArticleEnriched article(ResultSet rows) throws SQLException {
    ArticleIngested article = new ArticleIngested(rows.getString("id"), rows.getInt("revision"), rows.getString("url"),
        new SourceRef(rows.getString("source_id"), rows.getString("source_name")), rows.getString("title"), rows.getString("body"),
        rows.getString("summary"), rows.getString("lang"), rows.getObject("published", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
        rows.getBoolean("published_estimated"), rows.getObject("ingested_at", OffsetDateTime.class).toInstant(), rows.getString("content_hash"));
    StoredTags tags = parse(rows.getString("tags"));
    return new ArticleEnriched(article, tags.actors(), tags.topics(), rows.getString("story_id"), rows.getString("knowledge_base_version"),
        rows.getObject("enriched_at", OffsetDateTime.class).toInstant(), rows.getString("language_coverage"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String json(StoredTags tags) {
    try {
      return EventCodec.instance().mapper().writeValueAsString(tags);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write tags", e);
    }
  }

  private static StoredTags parse(String json) throws SQLException {
    try {
      return EventCodec.instance().mapper().readValue(json, StoredTags.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable tags column: " + e.getOriginalMessage(), e);
    }
  }
}
