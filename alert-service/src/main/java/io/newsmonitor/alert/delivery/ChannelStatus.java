package io.newsmonitor.alert.delivery;

/**
 * How an analyst's deliveries on one channel stand.
 *
 * @param channel {@code webhook}, {@code email} or {@code kafka}
 * @param pending waiting for their first or next attempt
 * @param failed parked after their last attempt failed
 */
public record ChannelStatus(String channel, long pending, long delivered, long failed) {
}
