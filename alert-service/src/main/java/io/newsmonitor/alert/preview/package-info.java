/**
 * Stored articles and rule previews: alert-service keeps the enriched articles it consumes (latest revision, for
 * {@code alert.articles.retention}) and answers what a rule would have matched among them, with explanations.
 */
package io.newsmonitor.alert.preview;
