/**
 * The one Quarkus test resource every service uses, {@link io.newsmonitor.infra.test.RealInfrastructure}: real Kafka and
 * PostgreSQL, in this JVM by default, from Testcontainers where a Docker engine exists, or external servers.
 */
package io.newsmonitor.infra.test;
