package io.newsmonitor.alert.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery as {@code GET /api/deliveries} shows it: with its subscription's name and its article.
 *
 * @param channel {@code webhook} or {@code email}
 * @param target the webhook's URL, or the recipient's address
 * @param lastStatusCode the webhook's HTTP status; for an e-mail, 250 once the SMTP server accepted it
 */
public record DeliverySummary(
    UUID id,
    UUID subscriptionId,
    String subscriptionName,
    String articleId,
    String articleTitle,
    String storyId,
    String channel,
    String target,
    DeliveryStatus status,
    int attempts,
    String lastError,
    Integer lastStatusCode,
    Instant createdAt,
    Instant deliveredAt) {
}
