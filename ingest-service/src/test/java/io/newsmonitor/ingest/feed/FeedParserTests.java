package io.newsmonitor.ingest.feed;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeedParserTests {

  private static final URI BASE = URI.create("https://news.example.com/feeds/world.xml");
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  private final FeedParser parser = new FeedParser();

  @Test
  void rss20WithWebSubLinksGuidsAndRelativeLinks() throws FeedParseException {
    ParsedFeed feed = parse("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>World &amp; Politics</title>
            <link>https://news.example.com/world</link>
            <language>en-gb</language>
            <atom:link rel="hub" href="https://hub.example.org/"/>
            <atom:link rel="self" type="application/rss+xml" href="/feeds/world.xml"/>
            <item>
              <guid isPermaLink="false">urn:story:42</guid>
              <title>Talks resume</title>
              <link>https://news.example.com/world/42</link>
              <description><![CDATA[<p>Delegates <b>met</b> again.</p>]]></description>
              <content:encoded><![CDATA[<p>Full story.</p>]]></content:encoded>
              <pubDate>Mon, 08 Apr 2024 21:56:00 +0200</pubDate>
              <dc:creator>Jane Doe</dc:creator>
              <category>Politics</category>
              <category>Europe</category>
              <enclosure url="/media/42.jpg" length="1000" type="image/jpeg"/>
            </item>
            <item>
              <title>No guid here</title>
              <link>/world/43</link>
            </item>
          </channel>
        </rss>
        """);

    assertThat(feed.title()).contains("World & Politics");
    assertThat(feed.link()).contains("https://news.example.com/world");
    assertThat(feed.language()).contains("en-gb");
    assertThat(feed.hub()).contains(URI.create("https://hub.example.org/"));
    assertThat(feed.self()).contains(URI.create("https://news.example.com/feeds/world.xml"));
    assertThat(feed.entries()).hasSize(2);

    FeedEntry first = feed.entries().get(0);
    assertThat(first.guid()).contains("urn:story:42");
    assertThat(first.link()).contains("https://news.example.com/world/42");
    assertThat(first.title()).contains("Talks resume");
    assertThat(first.summaryHtml()).contains("<p>Delegates <b>met</b> again.</p>");
    assertThat(first.contentHtml()).contains("<p>Full story.</p>");
    assertThat(first.published()).contains(Instant.parse("2024-04-08T19:56:00Z"));
    assertThat(first.author()).contains("Jane Doe");
    assertThat(first.categories()).containsExactly("Politics", "Europe");
    assertThat(first.enclosures()).containsExactly("https://news.example.com/media/42.jpg");

    // Rome would make the link the entry URI; without a <guid> there is no id.
    FeedEntry second = feed.entries().get(1);
    assertThat(second.guid()).isEmpty();
    assertThat(second.link()).contains("https://news.example.com/world/43");
  }

  @Test
  void rss20PermalinkGuidStandsInForTheLink() throws FeedParseException {
    ParsedFeed feed = parse("""
        <rss version="2.0"><channel><title>t</title><link>https://news.example.com/</link><description>d</description>
          <item><guid>https://news.example.com/a/1</guid><title>One</title></item>
        </channel></rss>
        """);

    assertThat(feed.entries().get(0).guid()).contains("https://news.example.com/a/1");
    assertThat(feed.entries().get(0).link()).contains("https://news.example.com/a/1");
  }

  @Test
  void rss10TakesRdfAboutAsIdAndDcDateAsUpdated() throws FeedParseException {
    ParsedFeed feed = parse("""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://news.example.com/rss">
            <title>RDF news</title>
            <link>https://news.example.com/</link>
            <description>d</description>
            <dc:language>de</dc:language>
          </channel>
          <item rdf:about="https://news.example.com/story/7">
            <title>Seven</title>
            <link>https://news.example.com/story/7?utm=rss</link>
            <description>Lucky &lt;i&gt;seven&lt;/i&gt;</description>
            <dc:date>2024-04-08T10:00:00Z</dc:date>
            <dc:subject>Numbers</dc:subject>
          </item>
        </rdf:RDF>
        """);

    assertThat(feed.title()).contains("RDF news");
    assertThat(feed.language()).contains("de");
    FeedEntry entry = feed.entries().get(0);
    assertThat(entry.guid()).contains("https://news.example.com/story/7");
    assertThat(entry.link()).contains("https://news.example.com/story/7?utm=rss");
    assertThat(entry.summaryHtml()).contains("Lucky <i>seven</i>");
    assertThat(entry.updated()).contains(Instant.parse("2024-04-08T10:00:00Z"));
    assertThat(entry.published()).isEmpty();
    assertThat(entry.categories()).containsExactly("Numbers");
  }

  @Test
  void atom10ResolvesXmlBaseAndKeepsMarkupApartFromText() throws FeedParseException {
    ParsedFeed feed = parse("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en_US" xml:base="https://news.example.com/atom/">
          <title type="html">Tech &amp;lt;News&amp;gt;</title>
          <link href="../tech"/>
          <link rel="self" href="tech.xml"/>
          <link rel="hub" href="https://pubsubhubbub.example.net/"/>
          <id>urn:feed:tech</id>
          <updated>2024-04-08T12:00:00Z</updated>
          <entry xml:base="/2024/04/">
            <id>tag:news.example.com,2024:1</id>
            <title type="html">&lt;b&gt;Chips&lt;/b&gt; &amp;amp; AI</title>
            <link rel="alternate" type="text/html" href="chips.html"/>
            <link rel="enclosure" type="audio/mpeg" href="chips.mp3" length="1"/>
            <published>2024-04-08T09:00:00+02:00</published>
            <updated>2024-04-08T11:30:00Z</updated>
            <author><name>Ada</name><email>ada@example.com</email></author>
            <category term="hardware"/>
            <summary type="text">Fast &lt;chips&gt;</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content>
          </entry>
        </feed>
        """);

    assertThat(feed.title()).contains("Tech <News>");
    assertThat(feed.link()).contains("https://news.example.com/tech");
    assertThat(feed.language()).contains("en-US");
    assertThat(feed.self()).contains(URI.create("https://news.example.com/atom/tech.xml"));
    assertThat(feed.hub()).contains(URI.create("https://pubsubhubbub.example.net/"));

    FeedEntry entry = feed.entries().get(0);
    assertThat(entry.guid()).contains("tag:news.example.com,2024:1");
    assertThat(entry.title()).contains("Chips & AI");
    assertThat(entry.link()).contains("https://news.example.com/2024/04/chips.html");
    assertThat(entry.enclosures()).containsExactly("https://news.example.com/2024/04/chips.mp3");
    assertThat(entry.published()).contains(Instant.parse("2024-04-08T07:00:00Z"));
    assertThat(entry.updated()).contains(Instant.parse("2024-04-08T11:30:00Z"));
    assertThat(entry.author()).contains("Ada (ada@example.com)");
    assertThat(entry.categories()).containsExactly("hardware");
    assertThat(entry.summaryHtml()).contains("Fast &lt;chips&gt;");
    assertThat(entry.contentHtml()).contains("<p>Body</p>");
  }

  @Test
  void atom03ReadsIssuedModifiedAndEscapedContent() throws FeedParseException {
    ParsedFeed feed = parse("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#">
          <title>Old Atom</title>
          <link rel="alternate" type="text/html" href="https://old.example.com/"/>
          <modified>2004-01-01T00:00:00Z</modified>
          <entry>
            <title>First post</title>
            <link rel="alternate" type="text/html" href="https://old.example.com/1"/>
            <id>tag:old.example.com,2004:1</id>
            <issued>2003-12-31T10:14:55Z</issued>
            <modified>2004-01-01T19:48:21Z</modified>
            <author><name>Mark</name></author>
            <summary type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</summary>
          </entry>
        </feed>
        """);

    assertThat(feed.title()).contains("Old Atom");
    assertThat(feed.link()).contains("https://old.example.com/");
    FeedEntry entry = feed.entries().get(0);
    assertThat(entry.guid()).contains("tag:old.example.com,2004:1");
    assertThat(entry.link()).contains("https://old.example.com/1");
    assertThat(entry.published()).contains(Instant.parse("2003-12-31T10:14:55Z"));
    assertThat(entry.updated()).contains(Instant.parse("2004-01-01T19:48:21Z"));
    assertThat(entry.author()).contains("Mark");
    assertThat(entry.summaryHtml()).contains("<p>Hello</p>");
  }

  @Test
  void billionLaughsIsRefusedPromptly() {
    byte[] payload = hostile("billion-laughs.xml");

    assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> parser.parse(payload, Optional.of("application/rss+xml"), BASE))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("DOCTYPE declarations are refused"));
  }

  @Test
  void externalEntityToALocalFileIsRefusedAndNotExpanded() {
    byte[] payload = hostile("xxe-file.xml");

    assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> parser.parse(payload, Optional.empty(), BASE))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("DOCTYPE declarations are refused")
        .hasMessageNotContaining("root:"));
  }

  @Test
  void externalEntityAndDtdOverHttpAreRefusedAndNeverFetched() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "<!ENTITY leaked \"fetched\">".getBytes(UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      byte[] payload = new String(hostile("xxe-http.xml"), UTF_8).replace("__PORT__", Integer.toString(server.getAddress().getPort())).getBytes(UTF_8);

      assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> parser.parse(payload, Optional.empty(), BASE))
          .isInstanceOf(FeedParseException.class)
          .hasMessageContaining("DOCTYPE declarations are refused"));
      assertThat(requests).as("requests to the entity and DTD URLs").hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void malformedXmlNamesTheLine() {
    String broken = """
        <rss version="2.0"><channel><title>t</title>
        <item><title>unclosed</item>
        </channel></rss>
        """;

    assertThatThrownBy(() -> parse(broken))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("not a feed: malformed XML at line 2");
  }

  @Test
  void prologClaimingLatin1OverUtf8BytesIsReadAsUtf8() throws FeedParseException {
    byte[] body = rssWithTitle("ISO-8859-1", "Café — São Paulo").getBytes(UTF_8);

    assertThat(parser.parse(body, Optional.empty(), BASE).title()).contains("Café — São Paulo");
  }

  @Test
  void contentTypeClaimingLatin1OverUtf8BytesIsReadAsUtf8() throws FeedParseException {
    byte[] body = rssWithTitle(null, "Zürich").getBytes(UTF_8);

    assertThat(parser.parse(body, Optional.of("text/xml; charset=iso-8859-1"), BASE).title()).contains("Zürich");
  }

  @Test
  void trueLatin1IsStillLatin1() throws FeedParseException {
    byte[] body = rssWithTitle("ISO-8859-1", "Zürich").getBytes(ISO_8859_1);

    assertThat(parser.parse(body, Optional.of("application/rss+xml"), BASE).title()).contains("Zürich");
  }

  @Test
  void unknownEncodingFallsBackToUtf8() throws FeedParseException {
    byte[] body = rssWithTitle("utf-9", "Zürich").getBytes(UTF_8);

    assertThat(parser.parse(body, Optional.of("application/rss+xml; charset=utf-9"), BASE).title()).contains("Zürich");
  }

  @Test
  void unknownEncodingOverBytesThatAreNotUtf8FailsClearly() {
    byte[] body = rssWithTitle("utf-9", "Zürich").getBytes(ISO_8859_1);

    assertThatThrownBy(() -> parser.parse(body, Optional.empty(), BASE))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("cannot decode the feed")
        .hasMessageContaining("unknown encoding 'utf-9'");
  }

  @Test
  void htmlPageIsNotAFeed() {
    String page = """
        <!DOCTYPE html>
        <html><head><title>Home</title></head><body><p>Welcome<br></p></body></html>
        """;

    assertThatThrownBy(() -> parser.parse(page.getBytes(UTF_8), Optional.of("text/html; charset=utf-8"), BASE))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("not a feed: this is an HTML page, not RSS or Atom");
  }

  @Test
  void wellFormedXmlThatIsNoFeedNamesItsRoot() {
    assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><sitemap><url>https://example.com/</url></sitemap>"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("root element <sitemap> is not RSS, RDF or Atom");
  }

  @Test
  void emptyAndBlankBodiesAreRefused() {
    assertThatThrownBy(() -> parser.parse(new byte[0], Optional.empty(), BASE))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("not a feed: the body is empty");
    assertThatThrownBy(() -> parse("  \n\t "))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("not a feed: the body is blank");
  }

  private ParsedFeed parse(String xml) throws FeedParseException {
    return parser.parse(xml.getBytes(UTF_8), Optional.empty(), BASE);
  }

  private static String rssWithTitle(String declaredEncoding, String title) {
    String prolog = declaredEncoding == null ? "" : "<?xml version=\"1.0\" encoding=\"" + declaredEncoding + "\"?>\n";
    return prolog + "<rss version=\"2.0\"><channel><title>" + title + "</title><link>https://example.com/</link><description>d</description>"
        + "<item><title>i</title></item></channel></rss>";
  }

  private static byte[] hostile(String name) {
    try (InputStream in = FeedParserTests.class.getResourceAsStream("/feeds/hostile/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /feeds/hostile/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
