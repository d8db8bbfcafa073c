/** Retry timing shared by the services: feed polling in ingest, deliveries in alert. */
package io.newsmonitor.support.retry;
