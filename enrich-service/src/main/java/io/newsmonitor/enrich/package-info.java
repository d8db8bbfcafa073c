/**
 * enrich-service: reads {@code news.articles.ingested}, tags actors and topics from the knowledge base, assigns a story
 * and publishes {@code news.articles.enriched}.
 */
package io.newsmonitor.enrich;
