package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.subscription.Subscription;
import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it, with what each term of its rule means. */
public record SubscriptionView(String id, String name, String rule, String webhookUrl, String email, boolean active, Instant createdAt, List<TermView> terms) {

  /**
   * One term of the rule.
   *
   * @param term as written, e.g. {@code Pillar II}
   * @param resolvedAs e.g. {@code topic topic:aukus-pillar-2 (AUKUS Pillar II)}, {@code actor country:jp (Japan)} or {@code text}
   */
  public record TermView(String term, String resolvedAs) {
  }

  static SubscriptionView of(Subscription subscription, ResolvedRule rule) {
    List<TermView> terms = rule.resolutions().entrySet().stream()
        .map(e -> new TermView(e.getKey().display(), e.getValue().describe()))
        .toList();
    return new SubscriptionView(subscription.id.toString(), subscription.name, subscription.rule, subscription.webhookUrl, subscription.email, subscription.active,
        subscription.createdAt, terms);
  }
}
