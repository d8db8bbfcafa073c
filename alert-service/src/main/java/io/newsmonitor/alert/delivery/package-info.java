/**
 * Delivering alerts: the outbox of deliveries written with each match, a sender that attempts them at once and on a
 * sweep over its channel (signed webhook, e-mail or the news.alerts topic), with exponential backoff and jitter, and parks
 * them as failed after a bound, or at once when no retry can help (a 4xx answer, a refused address, an SMTP 5xx reply).
 */
package io.newsmonitor.alert.delivery;
