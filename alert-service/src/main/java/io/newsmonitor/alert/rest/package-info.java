/** The REST API: subscriptions and deliveries; every error is problem+json (see {@code service-support}). */
package io.newsmonitor.alert.rest;
