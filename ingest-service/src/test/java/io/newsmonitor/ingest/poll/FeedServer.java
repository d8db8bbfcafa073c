package io.newsmonitor.ingest.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A local web server that plays feeds, article pages and robots.txt for the polling tests. */
final class FeedServer implements AutoCloseable {

  final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  FeedServer() {
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  void serve(String path, String contentType, String body) {
    stub(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
  }

  void stub(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  int requestsFor(String path) {
    return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path))).size();
  }

  /** An RSS 2.0 document of the given {@code <item>} elements. */
  static String rss(String... items) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Test feed</title><link>https://news.example.org/</link><language>en</language>
        %s
        </channel></rss>""".formatted(Arrays.stream(items).collect(Collectors.joining("\n")));
  }

  /** An item; null fields are left out. */
  static String item(String guid, String link, String title, String description, String pubDate) {
    StringBuilder item = new StringBuilder("<item>");
    if (guid != null) {
      item.append("<guid isPermaLink=\"false\">").append(guid).append("</guid>");
    }
    if (link != null) {
      item.append("<link>").append(link).append("</link>");
    }
    if (title != null) {
      item.append("<title>").append(title).append("</title>");
    }
    if (description != null) {
      item.append("<description><![CDATA[").append(description).append("]]></description>");
    }
    if (pubDate != null) {
      item.append("<pubDate>").append(pubDate).append("</pubDate>");
    }
    return item.append("</item>").toString();
  }

  /** A paragraph long enough that the item is not taken for a summary. */
  static String story(String subject) {
    return "<p>" + subject + ". Officials in Tokyo, Canberra, London and Washington met on Monday to discuss defence cooperation, "
        + "advanced capabilities, quantum technology and hypersonic weapons, according to people familiar with the talks. ".repeat(6) + "</p>";
  }

  @Override
  public void close() {
    server.stop();
  }
}
