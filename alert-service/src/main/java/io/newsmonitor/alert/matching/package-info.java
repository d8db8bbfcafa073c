/**
 * Matching articles against subscriptions: terms resolved through the knowledge base, a pure evaluator that explains
 * every match with highlighted snippets, and the Kafka consumer that records matches and their deliveries.
 */
package io.newsmonitor.alert.matching;
