/**
 * alert-service: matches enriched articles from Kafka against analysts' subscriptions and delivers the alerts. See
 * {@code rule} (the language), {@code matching} (evaluation and the consumer), {@code delivery} (the outbox sender),
 * {@code subscription} and {@code rest}.
 */
package io.newsmonitor.alert;
