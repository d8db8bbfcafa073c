package io.newsmonitor.alert.inbox;

import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inbox over the alert_match table: each alert (a match not attached to another) is one line, its payload the
 * {@code AlertRaised} as delivered, its {@code read_at} the analyst's read mark; the later copies of its story that
 * attached to it are folded under it. Only the owner of a match's subscription sees or marks it.
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
            where s.owner = :owner and m.attached_to is null"""
            + (query.unreadOnly() ? " and m.read_at is null" : "")
            + (query.subscriptionId().isPresent() ? " and m.subscription_id = :subscriptionId" : "")
            + " order by m.matched_at desc, m.id desc")
        .setParameter("owner", query.owner())
        .setFirstResult(query.offset())
        .setMaxResults(query.limit());
    query.subscriptionId().ifPresent(id -> select.setParameter("subscriptionId", id));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = select.getResultList();
    Map<UUID, List<AlertRaised.Article>> copies = attachedCopies(rows.stream().map(row -> (UUID) row[0]).toList());
    return rows.stream().map(row -> item(row, copies.getOrDefault((UUID) row[0], List.of()))).toList();
  }

  /** The articles of the later copies attached to each of these alerts, oldest first. */
  private Map<UUID, List<AlertRaised.Article>> attachedCopies(List<UUID> alertIds) {
    if (alertIds.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = entityManager.createNativeQuery("""
            select m.attached_to, cast(m.payload as text)
            from {h-schema}alert_match m
            where m.attached_to in (:alertIds)
            order by m.matched_at, m.id""")
        .setParameter("alertIds", alertIds)
        .getResultList();
    Map<UUID, List<AlertRaised.Article>> copies = new HashMap<>();
    for (Object[] row : rows) {
      AlertRaised copy = EventCodec.instance().fromJson((String) row[1], AlertRaised.class);
      copies.computeIfAbsent((UUID) row[0], alertId -> new ArrayList<>()).add(copy.article());
    }
    return copies;
  }

  /** When each of the analyst's subscriptions that ever matched last raised an alert. */
  public Map<UUID, Instant> lastAlerts(String owner) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = entityManager.createNativeQuery("""
            select m.subscription_id, max(m.matched_at)
            from {h-schema}alert_match m
            join {h-schema}subscription s on s.id = m.subscription_id
            where s.owner = :owner and m.attached_to is null
            group by m.subscription_id""")
        .setParameter("owner", owner)
        .getResultList();
    Map<UUID, Instant> lastAlerts = new HashMap<>();
    rows.forEach(row -> lastAlerts.put((UUID) row[0], (Instant) row[1]));
    return lastAlerts;
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

  private static InboxItem item(Object[] row, List<AlertRaised.Article> attachedCopies) {
    AlertRaised alert = EventCodec.instance().fromJson((String) row[6], AlertRaised.class);
    // PostgreSQL's timestamptz comes back as an Instant.
    Instant readAt = (Instant) row[5];
    return new InboxItem((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], alert.article(), (Instant) row[4], readAt != null, readAt,
        alert.reasons(), attachedCopies);
  }
}
