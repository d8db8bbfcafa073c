package io.newsmonitor.alert.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery as {@code GET /api/deliveries} shows it: with its subscription's name and its article. */
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
