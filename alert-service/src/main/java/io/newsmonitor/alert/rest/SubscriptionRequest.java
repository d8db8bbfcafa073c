package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.subscription.SubscriptionDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/subscriptions} and {@code PUT /api/subscriptions/{id}}. */
public record SubscriptionRequest(
    @Schema(required = true, examples = "Japan and AUKUS") String name,
    @Schema(required = true, description = "AND (+), OR (|), NOT (-), parentheses, fields (actor:, topic:, source:, lang:, title:), \"phrase\", \"a b\"~N, prefix*; a bare term resolves through the knowledge base, a quoted phrase is text",
        examples = "Japan + Pillar II") String rule,
    @Schema(description = "Absolute http or https URL the alerts are POSTed to, signed; optional: the inbox and news.alerts get every alert anyway",
        examples = "https://hooks.example.org/alerts") String webhookUrl,
    @Schema(description = "Key of the webhook's HMAC-SHA256 signature, 16 to 200 characters; generated when a webhook is given without one"
        + " (and kept by a PUT that gives none), and then shown once, in the answer to the call that generated it, never by GET",
        examples = "a-long-random-shared-secret") String webhookSecret,
    @Schema(description = "Address the alerts are mailed to; optional", examples = "analyst@example.org") String email,
    @Schema(description = "immediate (default), or gathered into an hourly or daily digest for the webhook and e-mail channels",
        enumeration = {"immediate", "hourly", "daily"}, examples = "immediate") String mode) {

  static final SubscriptionRequest EMPTY = new SubscriptionRequest(null, null, null, null, null, null);

  SubscriptionDraft draft() {
    return new SubscriptionDraft(name, rule, webhookUrl, webhookSecret, email, mode);
  }
}
