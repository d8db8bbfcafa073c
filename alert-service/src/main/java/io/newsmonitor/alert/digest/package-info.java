/**
 * Hourly and daily digests: a scheduled job gathers each closed period's alerts of an HOURLY or DAILY subscription,
 * grouped by story, into one digest with one outbox delivery per webhook and e-mail channel.
 */
package io.newsmonitor.alert.digest;
