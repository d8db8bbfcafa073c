/**
 * Delivering alerts: the outbox of deliveries written with each match, a sender that attempts them at once and on a
 * sweep over its channel (webhook or e-mail), with exponential backoff, and parks them as failed after a bound.
 */
package io.newsmonitor.alert.delivery;
