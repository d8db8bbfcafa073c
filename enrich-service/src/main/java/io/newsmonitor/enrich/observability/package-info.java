/** enrich-service as Prometheus sees it. */
package io.newsmonitor.enrich.observability;
