package io.newsmonitor.alert.delivery;

import java.util.UUID;

/** How many parked (FAILED) deliveries a subscription has. */
public record ParkedCount(UUID subscriptionId, String subscriptionName, long parked) {
}
