/**
 * What every service's observability shares: the {@code service} tag on every meter, latency timers with one set of
 * buckets, dead letters counted where they are written, the switch that keeps spans from being exported unless asked,
 * and the log context (MDC) of the article, subscription or delivery at hand.
 */
package io.newsmonitor.support.observability;
