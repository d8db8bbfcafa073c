package io.newsmonitor.alert.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.subscription.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as the API shows it, with what each term of its rule means.
 *
 * @param webhookSecret only in the answer to the call that generated it
 */
public record SubscriptionView(
    String id,
    String name,
    String rule,
    String owner,
    String webhookUrl,
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Only in the answer to the POST (or PUT) that generated it: store it then, GET never shows it") String webhookSecret,
    String email,
    @Schema(enumeration = {"immediate", "hourly", "daily"}) String mode,
    @Schema(description = "false while paused: a paused subscription is not matched and raises no alert") boolean active,
    Instant createdAt,
    @Schema(description = "Changed by every PUT, pause and resume") Instant updatedAt,
    List<TermView> terms) {

  /**
   * One term of the rule.
   *
   * @param term as written, e.g. {@code Pillar II}
   * @param resolvedAs e.g. {@code topic topic:aukus-pillar-2 (AUKUS Pillar II)}, {@code actor country:jp (Japan)} or {@code text}
   */
  public record TermView(String term, String resolvedAs) {
  }

  static SubscriptionView of(Subscription subscription, ResolvedRule rule, boolean showSecret) {
    List<TermView> terms = rule.resolutions().entrySet().stream()
        .map(e -> new TermView(e.getKey().display(), e.getValue().describe()))
        .toList();
    return new SubscriptionView(subscription.id.toString(), subscription.name, subscription.rule, subscription.owner, subscription.webhookUrl,
        showSecret ? subscription.webhookSecret : null, subscription.email, subscription.mode.name().toLowerCase(Locale.ROOT), subscription.active,
        subscription.createdAt, subscription.updatedAt, terms);
  }
}
