/** alert-service as Prometheus and a trace backend see it: its metrics, and the trace its deliveries continue. */
package io.newsmonitor.alert.observability;
