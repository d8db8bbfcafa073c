package io.newsmonitor.infra.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsmonitor.infra.Ports;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTests {

  @Test
  void databasesOfTheSharedServerAreIndependent() throws SQLException {
    Postgres postgres = Postgres.shared();
    String first = postgres.createDatabase("independent_one");
    String second = postgres.createDatabase("independent_two");
    assertNotEquals(first, second);
    assertEquals(first, postgres.createDatabase("independent_one"), "creating an existing database is harmless");

    try (Connection one = DriverManager.getConnection(first, postgres.username(), postgres.password()); Statement sql = one.createStatement()) {
      sql.execute("CREATE TABLE only_here (id int)");
    }
    try (Connection two = DriverManager.getConnection(second, postgres.username(), postgres.password())) {
      assertFalse(tableExists(two, "only_here"));
    }
  }

  @Test
  void anExternalServerIsReachedThroughItsAdminUrl() throws SQLException {
    Postgres server = Postgres.shared();
    Postgres external = Postgres.external(server.jdbcUrl("postgres") + "?ApplicationName=tests", server.username(), server.password());
    assertEquals(server.jdbcUrl("via_external") + "?ApplicationName=tests", external.createDatabase("via_external"));
    try (Connection connection = external.connect("via_external")) {
      assertTrue(connection.isValid(5));
    }
    external.close();
    try (Connection connection = server.connect("postgres")) {
      assertTrue(connection.isValid(5), "closing an external server's handle leaves the server running");
    }
  }

  @Test
  void persistentDataSurvivesARestart(@TempDir Path dir) throws SQLException {
    int port = Ports.free();
    try (Postgres postgres = Postgres.persistent(dir.resolve("pg"), port)) {
      postgres.createDatabase("kept");
      try (Connection connection = postgres.connect("kept"); Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE note (text varchar(40))");
        sql.execute("INSERT INTO note VALUES ('written before the restart')");
      }
    }
    assertFalse(Ports.isOpen(port), "closing stops the server");

    try (Postgres postgres = Postgres.persistent(dir.resolve("pg"), port); Connection connection = postgres.connect("kept");
         Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SELECT text FROM note")) {
      assertTrue(rows.next());
      assertEquals("written before the restart", rows.getString(1));
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
      return tables.next();
    }
  }
}
