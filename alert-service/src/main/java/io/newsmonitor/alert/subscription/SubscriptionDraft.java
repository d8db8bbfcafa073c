package io.newsmonitor.alert.subscription;

/**
 * What an analyst writes to create or replace a subscription, as sent: blank values mean absent, and nothing is checked yet.
 *
 * @param webhookSecret the key of the webhook's signature; generated when a webhook is given without one
 * @param mode {@code immediate}, {@code hourly} or {@code daily} in any case; absent means immediate
 */
public record SubscriptionDraft(String name, String rule, String webhookUrl, String webhookSecret, String email, String mode) {
}
