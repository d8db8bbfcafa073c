package io.newsmonitor.alert.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Deliveries in PostgreSQL. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

  private static final String SUMMARY = """
      select new io.newsmonitor.alert.delivery.DeliverySummary(d.id, d.subscriptionId, s.name, m.articleId, m.articleTitle, m.storyId,
          d.digestId, d.channel, d.targetUrl, d.status, d.attempts, d.lastError, d.lastStatusCode, d.createdAt, d.deliveredAt)
      from Delivery d
      left join AlertMatch m on m.id = d.matchId
      join Subscription s on s.id = d.subscriptionId
      """;

  /**
   * Locks up to {@code limit} pending deliveries, those due longest first, skipping those another transaction holds, so that
   * two instances (or two sweeps) never send the same delivery at once. The locks last until the calling transaction ends.
   */
  public List<Delivery> claimDue(Instant now, int limit) {
    @SuppressWarnings("unchecked")
    List<Delivery> due = getEntityManager().createNativeQuery("""
            select * from {h-schema}delivery
            where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at, id
            limit :limit
            for update skip locked""", Delivery.class)
        .setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList();
    return due;
  }

  /** Deliveries waiting to be sent: due now, or failed and due again later. */
  public long countPending() {
    return count("status", DeliveryStatus.PENDING);
  }

  /** The delivery, when it belongs to a subscription of this analyst. */
  public Optional<Delivery> findOwned(UUID id, String owner) {
    return find("id = ?1 and subscriptionId in (select s.id from Subscription s where s.owner = ?2)", id, owner).firstResultOptional();
  }

  /** The analyst's deliveries, newest first: of one of their subscriptions or of all, on one channel or all, in one status or any. */
  public List<DeliverySummary> summaries(String owner, Optional<UUID> subscriptionId, Optional<String> channel, Optional<DeliveryStatus> status,
      int limit) {
    TypedQuery<DeliverySummary> query = getEntityManager()
        .createQuery(SUMMARY + "where s.owner = :owner" + (subscriptionId.isPresent() ? " and d.subscriptionId = :subscriptionId" : "")
            + (channel.isPresent() ? " and d.channel = :channel" : "")
            + (status.isPresent() ? " and d.status = :status" : "")
            + " order by d.createdAt desc, d.id desc", DeliverySummary.class)
        .setParameter("owner", owner)
        .setMaxResults(limit);
    subscriptionId.ifPresent(id -> query.setParameter("subscriptionId", id));
    channel.ifPresent(name -> query.setParameter("channel", name));
    status.ifPresent(value -> query.setParameter("status", value));
    return query.getResultList();
  }

  /** How many parked deliveries each of the analyst's subscriptions has, for those that have any, by name. */
  public List<ParkedCount> parkedPerSubscription(String owner) {
    return getEntityManager().createQuery("""
            select new io.newsmonitor.alert.delivery.ParkedCount(s.id, s.name, count(d))
            from Delivery d
            join Subscription s on s.id = d.subscriptionId
            where s.owner = :owner and d.status = :failed
            group by s.id, s.name
            order by s.name, s.id""", ParkedCount.class)
        .setParameter("owner", owner)
        .setParameter("failed", DeliveryStatus.FAILED)
        .getResultList();
  }

  /** How the analyst's deliveries stand on each channel, every channel listed (with zeros when it has none). */
  public List<ChannelStatus> channelStatus(String owner) {
    List<Object[]> rows = getEntityManager().createQuery("""
            select d.channel, d.status, count(d)
            from Delivery d
            join Subscription s on s.id = d.subscriptionId
            where s.owner = :owner
            group by d.channel, d.status""", Object[].class)
        .setParameter("owner", owner)
        .getResultList();
    Map<String, Map<DeliveryStatus, Long>> counts = new HashMap<>();
    rows.forEach(row -> counts.computeIfAbsent((String) row[0], channel -> new EnumMap<>(DeliveryStatus.class)).put((DeliveryStatus) row[1], (Long) row[2]));
    return Delivery.CHANNELS.stream().map(channel -> {
      Map<DeliveryStatus, Long> ofChannel = counts.getOrDefault(channel, Map.of());
      return new ChannelStatus(channel, ofChannel.getOrDefault(DeliveryStatus.PENDING, 0L), ofChannel.getOrDefault(DeliveryStatus.DELIVERED, 0L),
          ofChannel.getOrDefault(DeliveryStatus.FAILED, 0L));
    }).toList();
  }

  /** One delivery as the API shows it. */
  public DeliverySummary summary(UUID id) {
    return getEntityManager().createQuery(SUMMARY + "where d.id = :id", DeliverySummary.class).setParameter("id", id).getSingleResult();
  }

  /**
   * Puts every parked delivery of the subscription back in the outbox, as {@link Delivery#redrive} does one.
   *
   * @return how many
   */
  public int redriveParked(UUID subscriptionId, Instant now) {
    return update("status = ?1, attempts = 0, nextAttemptAt = ?2 where subscriptionId = ?3 and status = ?4",
        DeliveryStatus.PENDING, now, subscriptionId, DeliveryStatus.FAILED);
  }
}
