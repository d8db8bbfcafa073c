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
import java.util.LinkedHashMap;
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

  private static final String ALERTS = """
      select m.id, m.subscription_id, s.name, m.story_id, m.matched_at, m.read_at, cast(m.payload as text)
      from {h-schema}alert_match m
      join {h-schema}subscription s on s.id = m.subscription_id
      """;

  private final EntityManager entityManager;

  public Inbox(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The analyst's alerts, newest first. */
  public List<InboxItem> list(InboxQuery query) {
    Query select = entityManager.createNativeQuery(ALERTS + whereSelected(query) + " order by m.matched_at desc, m.id desc")
        .setFirstResult(query.offset())
        .setMaxResults(query.limit());
    return items(bindSelected(select, query));
  }

  /**
   * The analyst's alerts grouped by story, the story whose latest alert is newest first; {@code limit} and {@code offset}
   * count stories, so that a story is never split between two pages.
   */
  public InboxStories stories(InboxQuery query) {
    Query selectStories = entityManager.createNativeQuery("select m.story_id from {h-schema}alert_match m"
            + " join {h-schema}subscription s on s.id = m.subscription_id"
            + whereSelected(query)
            + " group by m.story_id order by max(m.matched_at) desc, m.story_id desc")
        .setFirstResult(query.offset())
        // One more than asked for tells whether there is an older page.
        .setMaxResults(query.limit() + 1);
    @SuppressWarnings("unchecked")
    List<String> storyIds = bindSelected(selectStories, query).getResultList();
    boolean more = storyIds.size() > query.limit();
    List<String> onPage = more ? storyIds.subList(0, query.limit()) : storyIds;
    if (onPage.isEmpty()) {
      return new InboxStories(List.of(), false);
    }
    Query selectAlerts = entityManager.createNativeQuery(ALERTS + whereSelected(query) + " and m.story_id in (:storyIds) order by m.matched_at, m.id")
        .setParameter("storyIds", onPage);
    Map<String, List<InboxItem>> alertsByStory = new LinkedHashMap<>();
    onPage.forEach(storyId -> alertsByStory.put(storyId, new ArrayList<>()));
    items(bindSelected(selectAlerts, query)).forEach(item -> alertsByStory.get(item.storyId()).add(item));
    return new InboxStories(alertsByStory.entrySet().stream().map(story -> new InboxStory(story.getKey(), story.getValue())).toList(), more);
  }

  private static String whereSelected(InboxQuery query) {
    return " where s.owner = :owner and m.attached_to is null"
        + (query.unreadOnly() ? " and m.read_at is null" : "")
        + (query.subscriptionId().isPresent() ? " and m.subscription_id = :subscriptionId" : "");
  }

  private static Query bindSelected(Query select, InboxQuery query) {
    select.setParameter("owner", query.owner());
    query.subscriptionId().ifPresent(id -> select.setParameter("subscriptionId", id));
    return select;
  }

  private List<InboxItem> items(Query select) {
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
    return mark(owner, "m.id = :which", matchId, read) == 1;
  }

  /**
   * Marks every alert of the story that the analyst has, from any of their subscriptions, read or unread as {@link #mark}
   * does one.
   *
   * @return how many; 0 when the analyst has no alert of this story
   */
  @Transactional
  public int markStory(String owner, String storyId, boolean read) {
    return mark(owner, "m.story_id = :which and m.attached_to is null", storyId, read);
  }

  private int mark(String owner, String which, Object value, boolean read) {
    return entityManager.createNativeQuery("""
            update {h-schema}alert_match m
            set read_at = case when :read then coalesce(m.read_at, :now) end
            where %s
            and exists (select 1 from {h-schema}subscription s where s.id = m.subscription_id and s.owner = :owner)""".formatted(which))
        .setParameter("read", read)
        .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setParameter("which", value)
        .setParameter("owner", owner)
        .executeUpdate();
  }

  private static InboxItem item(Object[] row, List<AlertRaised.Article> attachedCopies) {
    AlertRaised alert = EventCodec.instance().fromJson((String) row[6], AlertRaised.class);
    // PostgreSQL's timestamptz comes back as an Instant.
    Instant readAt = (Instant) row[5];
    return new InboxItem((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], alert.article(), (Instant) row[4], readAt != null, readAt,
        alert.reasons(), attachedCopies);
  }
}
