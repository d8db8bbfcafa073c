package io.newsmonitor.ingest.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.newsmonitor.ingest.poll.FeedServer.story;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A feed that advertises a WebSub hub: subscribed to, verified, and its pushed items published — when signed. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WebSubTests {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static FeedServer web;
  private static TopicReader topic;

  @BeforeAll
  static void start() {
    web = new FeedServer();
    topic = TopicReader.of(Topics.ARTICLES_INGESTED);
  }

  @AfterAll
  static void stop() {
    topic.close();
    web.close();
  }

  @Test
  void itemsPushedByTheHubArePublishedOnlyWhenSignedWithOurSecret() throws Exception {
    web.stub(post(urlPathEqualTo("/hub")).willReturn(aResponse().withStatus(202)));
    web.serve("/hubbed.xml", "application/rss+xml", feed(web.url("/news/polled")));
    Sources.createFeed("hubbed", web.url("/hubbed.xml"), 3600);
    Sources.pollNow("hubbed");

    await().atMost(WAIT).until(() -> !web.server.findAll(postRequestedFor(urlPathEqualTo("/hub"))).isEmpty());
    LoggedRequest request = web.server.findAll(postRequestedFor(urlPathEqualTo("/hub"))).get(0);
    Map<String, String> form = form(request.getBodyAsString());
    assertThat(form).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", web.url("/hubbed.xml")).containsKey("hub.secret")
        .containsEntry("hub.callback", "http://ingest.test/websub/hubbed");
    String callback = URI.create(form.get("hub.callback")).getPath();

    // The hub verifies the intent: only our own subscription is confirmed.
    given().queryParams(Map.of("hub.mode", "subscribe", "hub.topic", web.url("/other.xml"), "hub.challenge", "c-0", "hub.lease_seconds", "600"))
        .get(callback).then().statusCode(404);
    String echoed = given().queryParams(Map.of("hub.mode", "subscribe", "hub.topic", web.url("/hubbed.xml"), "hub.challenge", "c-1", "hub.lease_seconds", "864000"))
        .get(callback).then().statusCode(200).extract().asString();
    assertThat(echoed).isEqualTo("c-1");
    assertThat(Sources.get("hubbed").getString("webSub.leaseUntil")).isNotNull();

    String forged = feed(web.url("/news/forged"));
    given().contentType("application/rss+xml").header("X-Hub-Signature", "sha256=" + "0".repeat(64)).body(forged).post(callback).then().statusCode(202);
    given().contentType("application/rss+xml").body(forged).post(callback).then().statusCode(202);

    String pushed = feed(web.url("/news/pushed"));
    given().contentType("application/rss+xml").header("X-Hub-Signature", "sha256=" + hmac(form.get("hub.secret"), pushed)).body(pushed)
        .post(callback).then().statusCode(202);

    assertThat(topic.readKey(ArticleIdentity.idOfUrl(web.url("/news/pushed")))).hasSize(1);
    assertThat(topic.readKey(ArticleIdentity.idOfUrl(web.url("/news/forged")))).isEmpty();
    assertThat(topic.readKey(ArticleIdentity.idOfUrl(web.url("/news/polled")))).hasSize(1);
    // One subscription per lease, however often the feed is polled.
    Sources.pollNow("hubbed");
    await().atMost(WAIT).until(() -> web.requestsFor("/hubbed.xml") >= 2);
    assertThat(web.server.findAll(postRequestedFor(urlPathEqualTo("/hub")))).hasSize(1);
  }

  private static String feed(String itemLink) {
    String hub = web.url("/hub");
    String self = web.url("/hubbed.xml");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Hubbed</title><link>https://news.example.org/</link>
        <atom:link rel="hub" href="%s"/><atom:link rel="self" href="%s"/>
        %s
        </channel></rss>""".formatted(hub, self, FeedServer.item(itemLink, itemLink, "Item " + itemLink, story("Hubbed"), null));
  }

  private static Map<String, String> form(String body) {
    return Stream.of(body.split("&")).map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8), pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }

  private static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
