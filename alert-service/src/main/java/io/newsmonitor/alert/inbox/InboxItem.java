package io.newsmonitor.alert.inbox;

import io.newsmonitor.events.AlertRaised;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert in an analyst's inbox.
 *
 * @param matchId the alert's id (the {@code alertId} of its {@code AlertRaised}); marks it read or unread
 * @param subscriptionName the subscription's name now
 * @param article the article as the alert carried it: title, URL, source
 * @param readAt when the analyst marked it read; null while unread
 * @param reasons which parts of the rule matched, with highlighted snippets, as the alert carried them
 * @param alsoReported the later articles of the same story, which attached to this alert instead of raising their own
 */
public record InboxItem(
    UUID matchId,
    UUID subscriptionId,
    String subscriptionName,
    String storyId,
    AlertRaised.Article article,
    Instant matchedAt,
    boolean read,
    Instant readAt,
    List<AlertRaised.Reason> reasons,
    List<AlertRaised.Article> alsoReported) {
}
