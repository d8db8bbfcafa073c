package io.newsmonitor.alert.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery as {@code GET /api/deliveries} shows it: with its subscription's name and its article, or its digest.
 *
 * @param articleId null for a digest's delivery, as are the title and story
 * @param digestId null for an alert's delivery
 * @param channel {@code webhook}, {@code email} or {@code kafka} (the {@code news.alerts} topic)
 * @param target the webhook's URL, the recipient's address, or the topic
 * @param lastStatusCode the webhook's HTTP status; for an e-mail, the SMTP server's reply code (250 once accepted); none for
 *     Kafka
 */
public record DeliverySummary(
    UUID id,
    UUID subscriptionId,
    String subscriptionName,
    String articleId,
    String articleTitle,
    String storyId,
    UUID digestId,
    String channel,
    String target,
    DeliveryStatus status,
    int attempts,
    String lastError,
    Integer lastStatusCode,
    Instant createdAt,
    Instant deliveredAt) {
}
