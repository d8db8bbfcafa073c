package io.newsmonitor.alert.digest;

import io.newsmonitor.alert.subscription.SubscriptionMode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Digests in PostgreSQL, and the alerts they gather. */
@ApplicationScoped
public class DigestRepository implements PanacheRepositoryBase<Digest, UUID> {

  /** Alerts of a digest subscription that no digest holds yet: the earliest of a quarter of an hour. */
  public record Undigested(UUID subscriptionId, SubscriptionMode mode, Instant matchedAt) {
  }

  /**
   * The alerts raised in {@code [from, before)} for HOURLY and DAILY subscriptions that no digest of theirs covers, one per
   * subscription and quarter of an hour: every zone's offset is a whole number of quarters, so a quarter never straddles
   * two periods, and a day's worth of alerts of a DAILY subscription costs at most 96 rows each time the job runs.
   */
  public List<Undigested> undigested(Instant from, Instant before) {
    return getEntityManager().createQuery("""
            select new io.newsmonitor.alert.digest.DigestRepository$Undigested(m.subscriptionId, s.mode, min(m.matchedAt))
            from AlertMatch m
            join Subscription s on s.id = m.subscriptionId
            where s.mode in (:modes) and m.matchedAt >= :from and m.matchedAt < :before
              and not exists (select 1 from Digest d
                              where d.subscriptionId = m.subscriptionId and d.periodStart <= m.matchedAt and d.periodEnd > m.matchedAt)
            group by m.subscriptionId, s.mode, floor(extract(epoch from m.matchedAt) / 900)
            order by min(m.matchedAt)""", Undigested.class)
        .setParameter("modes", List.of(SubscriptionMode.HOURLY, SubscriptionMode.DAILY))
        .setParameter("from", from)
        .setParameter("before", before)
        .getResultList();
  }

  /** The {@code AlertRaised} JSON of the subscription's alerts in {@code period}, in the order they were raised. */
  public List<String> alertPayloads(UUID subscriptionId, DigestPeriod period) {
    return getEntityManager().createQuery("""
            select m.payload from AlertMatch m
            where m.subscriptionId = :subscriptionId and m.matchedAt >= :start and m.matchedAt < :end
            order by m.matchedAt, m.id""", String.class)
        .setParameter("subscriptionId", subscriptionId)
        .setParameter("start", period.start())
        .setParameter("end", period.end())
        .getResultList();
  }

  /**
   * Saves the digest unless its subscription has one for that period already, made by another instance or an earlier run;
   * a concurrent insert of the same period waits for the first to commit, then inserts nothing.
   *
   * @return whether this one was saved
   */
  public boolean insertIfAbsent(Digest digest) {
    int inserted = getEntityManager().createNativeQuery("""
            insert into {h-schema}digest (id, subscription_id, period_start, period_end, created_at, payload)
            values (:id, :subscriptionId, :periodStart, :periodEnd, :createdAt, cast(:payload as jsonb))
            on conflict (subscription_id, period_start) do nothing""")
        .setParameter("id", digest.id)
        .setParameter("subscriptionId", digest.subscriptionId)
        .setParameter("periodStart", digest.periodStart)
        .setParameter("periodEnd", digest.periodEnd)
        .setParameter("createdAt", digest.createdAt)
        .setParameter("payload", digest.payload)
        .executeUpdate();
    return inserted == 1;
  }
}
