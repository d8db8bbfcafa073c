/**
 * Real Kafka and PostgreSQL without Docker, for the services' tests, the one-command local run and the system tests.
 *
 * <p>Never a runtime dependency of a service: services use this module in test scope only.
 */
package io.newsmonitor.infra;
