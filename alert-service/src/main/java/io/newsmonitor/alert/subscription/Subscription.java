package io.newsmonitor.alert.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An analyst's standing question: a rule, and where to send the alerts it raises (a webhook, an e-mail address or both). */
@Entity
@Table(name = "subscription")
public class Subscription {

  @Id
  public UUID id;

  @Column(nullable = false)
  public String name;

  /** The rule as written; it parsed when it was saved. */
  @Column(nullable = false)
  public String rule;

  /** Null when the alerts go by e-mail only. */
  @Column(name = "webhook_url")
  public String webhookUrl;

  /** Null when the alerts go to the webhook only. */
  @Column
  public String email;

  /** Only active subscriptions are matched. */
  @Column(nullable = false)
  public boolean active;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
