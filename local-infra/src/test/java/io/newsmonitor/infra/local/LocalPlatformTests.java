package io.newsmonitor.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPlatformTests {

  @Test
  void aPersistentPlatformsPostgresStopsAndStartsOnItsDataAndPort(@TempDir Path dir) throws SQLException {
    // No service: Kafka and PostgreSQL alone, as a fault test finds them under its services.
    try (LocalPlatform platform = LocalPlatform.builder().dataDir(dir).persistent(true).services().build().start()) {
      String jdbcUrl = platform.jdbcUrl();
      try (Connection connection = connect(platform, jdbcUrl); Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE note (text varchar(40))");
        sql.execute("INSERT INTO note VALUES ('written before the outage')");
      }

      platform.stopPostgres();
      assertThrows(SQLException.class, () -> connect(platform, jdbcUrl).close(), "nothing answers while it is stopped");

      platform.startPostgres();
      assertEquals(jdbcUrl, platform.jdbcUrl(), "the services' URL still points at it");
      try (Connection connection = connect(platform, jdbcUrl); Statement sql = connection.createStatement();
           ResultSet rows = sql.executeQuery("SELECT text FROM note")) {
        assertTrue(rows.next());
        assertEquals("written before the outage", rows.getString(1));
      }
    }
  }

  @Test
  void aSharedPostgresIsNotStoppedByOnePlatform() {
    LocalPlatform platform = LocalPlatform.builder().build();
    assertThrows(IllegalStateException.class, platform::stopPostgres);
  }

  private static Connection connect(LocalPlatform platform, String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, platform.postgres().username(), platform.postgres().password());
  }
}
