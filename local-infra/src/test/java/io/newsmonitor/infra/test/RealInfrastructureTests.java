package io.newsmonitor.infra.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealInfrastructureTests {

  @Test
  void eachStartGetsItsOwnDatabaseAndTopicPrefix() throws SQLException {
    RealInfrastructure first = new RealInfrastructure();
    RealInfrastructure second = new RealInfrastructure();
    Map<String, String> one = first.start();
    Map<String, String> two = second.start();
    try {
      assertEquals(Set.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
          "news.topics.prefix", "quarkus.devservices.enabled"), one.keySet());
      assertEquals("false", one.get("quarkus.devservices.enabled"));
      assertEquals(one.get("kafka.bootstrap.servers"), two.get("kafka.bootstrap.servers"), "one broker per JVM");
      assertNotEquals(one.get("quarkus.datasource.jdbc.url"), two.get("quarkus.datasource.jdbc.url"));
      assertNotEquals(one.get("news.topics.prefix"), two.get("news.topics.prefix"));
      try (Connection connection = DriverManager.getConnection(two.get("quarkus.datasource.jdbc.url"), two.get("quarkus.datasource.username"),
          two.get("quarkus.datasource.password"))) {
        assertTrue(connection.isValid(5));
      }

      RealInfrastructure.Settings current = RealInfrastructure.current();
      assertEquals(two.get("quarkus.datasource.jdbc.url"), current.jdbcUrl(), "the latest start is current");
      assertEquals(two.get("news.topics.prefix") + "news.articles.ingested", current.topic("news.articles.ingested"));
    } finally {
      second.stop();
      first.stop();
    }
    assertThrows(IllegalStateException.class, RealInfrastructure::current);
  }
}
