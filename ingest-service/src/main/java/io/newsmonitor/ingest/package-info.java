/**
 * ingest-service: accepts articles (HTTP push, NDJSON batches, file upload and import folder), cleans and identifies them, and publishes each new
 * revision as an {@link io.newsmonitor.events.ArticleIngested} on {@code news.articles.ingested}.
 */
package io.newsmonitor.ingest;
