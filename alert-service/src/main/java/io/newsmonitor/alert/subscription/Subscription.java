package io.newsmonitor.alert.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An analyst's standing question: a rule, and where to send the alerts it raises besides the inbox and news.alerts (a webhook, an e-mail address, both or neither). */
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

  /** The analyst who owns it; nobody else sees it, its alerts or its deliveries. */
  @Column(nullable = false)
  public String owner;

  /** Null when there is no webhook. */
  @Column(name = "webhook_url")
  public String webhookUrl;

  /** The key of the webhook's HMAC-SHA256 signature; null when there is no webhook. */
  @Column(name = "webhook_secret")
  public String webhookSecret;

  /** Null when there is no e-mail channel. */
  @Column
  public String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SubscriptionMode mode;

  /** Only active subscriptions are matched. */
  @Column(nullable = false)
  public boolean active;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Changes with the rule, the channels or the state, so that every instance rebuilds its rule index. */
  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
