package io.newsmonitor.alert.inbox;

import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The inbox over the alert_match table: each match is an alert, its payload the {@code AlertRaised} as delivered, its
 * {@code read_at} the analyst's read mark. Only the owner of a match's subscription sees or marks it.
 */
@ApplicationScoped
public class Inbox {

  private final EntityManager entityManager;

  public Inbox(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The analyst's alerts, newest first. */
  public List<InboxItem> list(InboxQuery query) {
    Query select = entityManager.createNativeQuery("""
            select m.id, m.subscription_id, s.name, m.story_id, m.matched_at, m.read_at, cast(m.payload as text)
            from {h-schema}alert_match m
            join {h-schema}subscription s on s.id = m.subscription_id
            where s.owner = :owner"""
            + (query.unreadOnly() ? " and m.read_at is null" : "")
            + (query.subscriptionId().isPresent() ? " and m.subscription_id = :subscriptionId" : "")
            + " order by m.matched_at desc, m.id desc")
        .setParameter("owner", query.owner())
        .setFirstResult(query.offset())
        .setMaxResults(query.limit());
    query.subscriptionId().ifPresent(id -> select.setParameter("subscriptionId", id));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = select.getResultList();
    return rows.stream().map(Inbox::item).toList();
  }

  /**
   * Marks the analyst's alert read (keeping the first time it was) or unread.
   *
   * @return false when the analyst has no such alert
   */
  @Transactional
  public boolean mark(String owner, UUID matchId, boolean read) {
    return entityManager.createNativeQuery("""
            update {h-schema}alert_match m
            set read_at = case when :read then coalesce(m.read_at, :now) end
            where m.id = :id
            and exists (select 1 from {h-schema}subscription s where s.id = m.subscription_id and s.owner = :owner)""")
        .setParameter("read", read)
        .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setParameter("id", matchId)
        .setParameter("owner", owner)
        .executeUpdate() == 1;
  }

  private static InboxItem item(Object[] row) {
    AlertRaised alert = EventCodec.instance().fromJson((String) row[6], AlertRaised.class);
    // PostgreSQL's timestamptz comes back as an Instant.
    Instant readAt = (Instant) row[5];
    return new InboxItem((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], alert.article(), (Instant) row[4], readAt != null, readAt,
        alert.reasons());
  }
}
