package io.newsmonitor.alert.inbox;

import java.util.Optional;
import java.util.UUID;

/**
 * Which of an analyst's alerts to list, newest first.
 *
 * @param unreadOnly only those not marked read
 * @param subscriptionId only those of this subscription
 */
public record InboxQuery(String owner, boolean unreadOnly, Optional<UUID> subscriptionId, int limit, int offset) {
}
