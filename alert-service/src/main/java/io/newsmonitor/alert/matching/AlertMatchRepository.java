package io.newsmonitor.alert.matching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Matches in PostgreSQL. An article's matches are read and written a statement for all of them, not one per match: with
 * 10,000 subscriptions an article has several, and the round trips were most of what recording them cost.
 */
@ApplicationScoped
public class AlertMatchRepository implements PanacheRepositoryBase<AlertMatch, UUID> {

  /**
   * What the subscriptions recorded before an article: those that already matched it (any revision), and the alert each
   * has for the article's story, which a new copy of the story attaches to.
   */
  public record Prior(Set<UUID> matchedArticle, Map<UUID, UUID> storyAlerts) {

    static final Prior NONE = new Prior(Set.of(), Map.of());
  }

  private static final String PRIOR = """
      select subscription_id, article_id = ? as this_article, case when story_id = ? and attached_to is null then id end as story_alert
      from alert.alert_match
      where subscription_id = any (?) and (article_id = ? or (story_id = ? and attached_to is null))
      """;

  /**
   * The per-match columns come as arrays, the article's as single values: one statement whatever the number of matches.
   * {@code on conflict do nothing} covers both ways a match can be recorded already: the subscription matched the article
   * ({@code alert_match_subscription_article_uk}), or, for an alert, has one for the story ({@code alert_match_first_of_story_uk}).
   */
  private static final String INSERT = """
      insert into alert.alert_match (id, subscription_id, attached_to, payload, article_id, revision, story_id, article_title, matched_at,
                                     ingested_at, traceparent, tracestate)
      select m.id, m.subscription_id, m.attached_to, cast(m.payload as jsonb), ?, ?, ?, ?, ?, ?, ?, ?
      from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[]) as m(id, subscription_id, attached_to, payload)
      on conflict do nothing
      returning id
      """;

  /** What {@code subscriptionIds} recorded before the article {@code articleId} of story {@code storyId}. */
  public Prior prior(String articleId, String storyId, Collection<UUID> subscriptionIds) {
    if (subscriptionIds.isEmpty()) {
      return Prior.NONE;
    }
    return session().doReturningWork(connection -> {
      try (PreparedStatement select = connection.prepareStatement(PRIOR)) {
        int i = 0;
        select.setString(++i, articleId);
        select.setString(++i, storyId);
        select.setArray(++i, uuids(connection, subscriptionIds));
        select.setString(++i, articleId);
        select.setString(++i, storyId);
        Set<UUID> matchedArticle = new HashSet<>();
        Map<UUID, UUID> storyAlerts = new HashMap<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            UUID subscriptionId = rows.getObject(1, UUID.class);
            if (rows.getBoolean(2)) {
              matchedArticle.add(subscriptionId);
            }
            UUID storyAlert = rows.getObject(3, UUID.class);
            if (storyAlert != null) {
              storyAlerts.put(subscriptionId, storyAlert);
            }
          }
        }
        return new Prior(matchedArticle, storyAlerts);
      }
    });
  }

  /**
   * Inserts each of the matches unless the subscription already has one for its article, or, when it is an alert
   * ({@code attachedTo} null), already has an alert for its story. Two consumers racing (a rebalance, or two instances each
   * given a copy of one story) insert one row and neither fails: the second insert waits for the first transaction and, once
   * it commits, leaves the row out.
   *
   * @param matches matches of one revision of one article, recorded at one instant in one trace (as one consumed record is)
   * @return the ids of the matches this call inserted
   */
  public Set<UUID> insertAbsent(List<AlertMatch> matches) {
    if (matches.isEmpty()) {
      return Set.of();
    }
    AlertMatch first = matches.getFirst();
    for (AlertMatch match : matches) {
      if (!sameArticleInstantAndTrace(first, match)) {
        throw new IllegalArgumentException("matches of different articles, instants or traces: " + first.id + ", " + match.id);
      }
    }
    return session().doReturningWork(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        int i = 0;
        insert.setString(++i, first.articleId);
        insert.setInt(++i, first.revision);
        insert.setString(++i, first.storyId);
        insert.setString(++i, first.articleTitle);
        insert.setObject(++i, utc(first.matchedAt));
        insert.setObject(++i, first.ingestedAt == null ? null : utc(first.ingestedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(++i, first.traceparent);
        insert.setString(++i, first.tracestate);
        insert.setArray(++i, uuids(connection, matches.stream().map(match -> match.id).toList()));
        insert.setArray(++i, uuids(connection, matches.stream().map(match -> match.subscriptionId).toList()));
        insert.setArray(++i, uuids(connection, matches.stream().map(match -> match.attachedTo).toList()));
        insert.setArray(++i, connection.createArrayOf("text", matches.stream().map(match -> match.payload).toArray()));
        Set<UUID> inserted = new HashSet<>();
        try (ResultSet rows = insert.executeQuery()) {
          while (rows.next()) {
            inserted.add(rows.getObject(1, UUID.class));
          }
        }
        return inserted;
      }
    });
  }

  private static boolean sameArticleInstantAndTrace(AlertMatch one, AlertMatch other) {
    return one.articleId.equals(other.articleId) && one.revision == other.revision && one.storyId.equals(other.storyId)
        && one.articleTitle.equals(other.articleTitle) && one.matchedAt.equals(other.matchedAt) && Objects.equals(one.ingestedAt, other.ingestedAt)
        && Objects.equals(one.traceparent, other.traceparent) && Objects.equals(one.tracestate, other.tracestate);
  }

  private Session session() {
    // Hibernate's own connection: the statements join the caller's transaction.
    return getEntityManager().unwrap(Session.class);
  }

  private static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
    return connection.createArrayOf("uuid", ids.toArray());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
