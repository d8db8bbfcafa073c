package io.newsmonitor.alert.matching;

/** CDI event: a transaction queued deliveries; observed after it commits, to send them at once. */
public record DeliveriesQueued(int count) {
}
