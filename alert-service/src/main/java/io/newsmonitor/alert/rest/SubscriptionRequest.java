package io.newsmonitor.alert.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/subscriptions}. */
public record SubscriptionRequest(
    @Schema(required = true, examples = "Japan and AUKUS") String name,
    @Schema(required = true, description = "AND (+), OR (|), NOT (-), parentheses, fields (actor:, topic:, source:, lang:, title:), \"phrase\", \"a b\"~N, prefix*; a bare term resolves through the knowledge base, a quoted phrase is text",
        examples = "Japan + Pillar II") String rule,
    @Schema(description = "Absolute http or https URL the alerts are POSTed to; this or email (or both) is required",
        examples = "https://hooks.example.org/alerts") String webhookUrl,
    @Schema(description = "Address the alerts are mailed to; this or webhookUrl (or both) is required", examples = "analyst@example.org")
    String email) {
}
