package io.newsmonitor.ingest.poll;

import static io.newsmonitor.ingest.poll.FeedServer.item;
import static io.newsmonitor.ingest.poll.FeedServer.rss;
import static io.newsmonitor.ingest.poll.FeedServer.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the production setting (no loopback targets), feeds on this machine are refused before any connection is made. */
@QuarkusTest
@TestProfile(LoopbackRefusedTests.ProductionFetching.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LoopbackRefusedTests {

  private static FeedServer web;

  /** The fetch settings of production. */
  public static class ProductionFetching implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ingest.fetch.allow-loopback", "false");
    }
  }

  @BeforeAll
  static void start() {
    web = new FeedServer();
    web.serve("/local.xml", "application/rss+xml", rss(item("l-1", "https://news.example.org/local", "Local", story("Local"), null)));
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  @Test
  void loopbackTargetsAreRefusedWithAClearError() {
    int port = web.server.port();
    Map<String, String> urls = Map.of(
        "by-name", "http://localhost:" + port + "/local.xml",
        "by-ipv4", "http://127.0.0.1:" + port + "/local.xml",
        "by-other-ipv4", "http://127.8.9.10:" + port + "/local.xml",
        "by-ipv6", "http://[::1]:" + port + "/local.xml");
    urls.forEach((id, url) -> Sources.createFeed(id, url, 3600));
    urls.keySet().forEach(Sources::pollNow);

    urls.keySet().forEach(id -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var source = Sources.get(id);
      assertThat(source.getString("health.status")).as(id).isEqualTo("failing");
      assertThat(source.getString("health.lastError")).as(id).contains("loopback");
    }));
    assertThat(web.server.getAllServeEvents()).isEmpty();
  }
}
