package io.newsmonitor.alert.digest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** The alerts of one period of an HOURLY or DAILY subscription, gathered for its webhook and e-mail: at most one per period. */
@Entity
@Table(name = "digest")
public class Digest {

  @Id
  public UUID id;

  @Column(name = "subscription_id", nullable = false)
  public UUID subscriptionId;

  @Column(name = "period_start", nullable = false)
  public Instant periodStart;

  @Column(name = "period_end", nullable = false)
  public Instant periodEnd;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The {@link DigestPayload} JSON, exactly as delivered. */
  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "cast(? as jsonb)")
  public String payload;
}
