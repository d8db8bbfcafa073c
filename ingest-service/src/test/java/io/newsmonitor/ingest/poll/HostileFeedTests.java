package io.newsmonitor.ingest.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.newsmonitor.ingest.poll.FeedServer.item;
import static io.newsmonitor.ingest.poll.FeedServer.rss;
import static io.newsmonitor.ingest.poll.FeedServer.story;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds that attack or break the poller: each is refused with a clear error on its source, and a good feed polled at the same
 * time is published all the same.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class HostileFeedTests {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static FeedServer web;
  private static TopicReader topic;

  @BeforeAll
  static void start() {
    web = new FeedServer();
    topic = TopicReader.of(Topics.ARTICLES_INGESTED);
    web.serve("/malformed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Broken</title><item><title>Unclosed</channel></rss>");
    web.serve("/billion-laughs.xml", "application/rss+xml", """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
        <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://evil.example.org/lol</link></item></channel></rss>""");
    web.serve("/xxe.xml", "application/rss+xml", """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY ssrf SYSTEM "%s">]>
        <rss version="2.0"><channel><title>XXE</title><item><title>&xxe;</title><description>&ssrf;</description>
        <link>https://evil.example.org/xxe</link></item></channel></rss>""".formatted(web.url("/xxe-target")));
    byte[] huge = new byte[50 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    web.stub(get(urlPathEqualTo("/huge.xml")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(huge)));
    web.stub(get(urlPathEqualTo("/to-metadata.xml")).willReturn(aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
    web.serve("/false-encoding.xml", "application/rss+xml; charset=utf-9", rss(item("fe-1", web.url("/news/false-encoding"), "Café", story("Déjà vu"), null)));
    web.serve("/good.xml", "application/rss+xml", rss(item("g-1", web.url("/news/good"), "Good", story("Good"), null)));
  }

  @AfterAll
  static void stop() {
    topic.close();
    web.close();
  }

  @Test
  void eachHostileFeedFailsWithItsReasonWhileAGoodFeedIsPublished() {
    Map<String, String> expectedErrors = Map.of(
        "malformed", "not a usable feed",
        "billion-laughs", "DOCTYPE",
        "xxe", "DOCTYPE",
        "huge", "exceeds the limit",
        "to-metadata", "169.254.169.254",
        "private-target", "10.11.12.13");
    expectedErrors.keySet().stream().filter(id -> !id.equals("private-target")).forEach(id -> Sources.createFeed(id, web.url("/" + id + ".xml"), 3600));
    Sources.createFeed("private-target", "http://10.11.12.13/feed.xml", 3600);
    Sources.createFeed("good", web.url("/good.xml"), 3600);
    // A new feed is due within a minute; this makes it now.
    expectedErrors.keySet().forEach(Sources::pollNow);
    Sources.pollNow("good");

    await().atMost(WAIT).until(() -> topic.readKey(ArticleIdentity.idOfUrl(web.url("/news/good"))).size() == 1);
    expectedErrors.forEach((id, error) -> await().atMost(WAIT).untilAsserted(() -> {
      var source = Sources.get(id);
      assertThat(source.getString("health.status")).as(id).isEqualTo("failing");
      assertThat(source.getString("health.lastError")).as(id).contains(error);
    }));
    assertThat(web.requestsFor("/xxe-target")).isZero();
    assertThat(Sources.get("good").getString("health.status")).isEqualTo("healthy");
  }

  @Test
  void aFeedThatLiesAboutItsEncodingIsStillReadAsUtf8() {
    Sources.createFeed("false-encoding", web.url("/false-encoding.xml"), 3600);
    Sources.pollNow("false-encoding");
    String id = ArticleIdentity.idOfUrl(web.url("/news/false-encoding"));
    await().atMost(WAIT).until(() -> topic.readKey(id).size() == 1);
    assertThat(topic.readKey(id).get(0).value()).contains("Café").contains("Déjà vu");
  }

  @Test
  void aSourceWithANonHttpUrlIsRefusedAtCreation() {
    for (String url : new String[] {"file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://example.org/", "jar:file:///x.jar!/feed.xml"}) {
      given().contentType(ContentType.JSON).body(Map.of("type", "feed", "name", "Scheme " + url.length(), "url", url))
          .post("/api/sources")
          .then().statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("url"))
          .body("errors[0].message", equalTo("must be an absolute http or https URL"));
    }
  }
}
