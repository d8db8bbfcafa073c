/**
 * The REST API: subscriptions, deliveries (with re-drive) and the inbox, each call made by an authenticated analyst who sees
 * only their own; every error is problem+json (see {@code service-support}), a missing or wrong credential included.
 */
package io.newsmonitor.alert.rest;
