package io.newsmonitor.alert.subscription;

/**
 * A subscription as saved by a create or an update.
 *
 * @param secretIssued whether this call generated its webhook secret, which the analyst must then be shown once
 */
public record SavedSubscription(Subscription subscription, boolean secretIssued) {
}
