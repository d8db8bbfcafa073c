package io.newsmonitor.alert.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Deliveries in PostgreSQL. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

  /**
   * Locks the pending delivery that has been due longest, skipping those another transaction holds, so that two instances
   * (or two sweeps) never send the same delivery at once. The lock lasts until the calling transaction ends.
   */
  public Optional<Delivery> claimNextDue(Instant now) {
    @SuppressWarnings("unchecked")
    List<Delivery> due = getEntityManager().createNativeQuery("""
            select * from {h-schema}delivery
            where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at, id
            limit 1
            for update skip locked""", Delivery.class)
        .setParameter("now", now)
        .getResultList();
    return due.stream().findFirst();
  }

  /** Deliveries, newest first, of one subscription or of all. */
  public List<DeliverySummary> summaries(Optional<UUID> subscriptionId, int limit) {
    String select = """
        select new io.newsmonitor.alert.delivery.DeliverySummary(d.id, d.subscriptionId, s.name, m.articleId, m.articleTitle, m.storyId,
            d.channel, d.targetUrl, d.status, d.attempts, d.lastError, d.lastStatusCode, d.createdAt, d.deliveredAt)
        from Delivery d
        join AlertMatch m on m.id = d.matchId
        join Subscription s on s.id = d.subscriptionId
        """ + (subscriptionId.isPresent() ? "where d.subscriptionId = :subscriptionId\n" : "") + "order by d.createdAt desc, d.id desc";
    TypedQuery<DeliverySummary> query = getEntityManager().createQuery(select, DeliverySummary.class).setMaxResults(limit);
    subscriptionId.ifPresent(id -> query.setParameter("subscriptionId", id));
    return query.getResultList();
  }
}
