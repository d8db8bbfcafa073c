package io.newsmonitor.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many RSS feeds on one local HTTP server: {@code /feeds/<n>.xml} with its own items, answering {@code If-None-Match} with
 * 304 as real publishers do. Records when each feed was first fetched and how many requests came in each second, to see
 * whether polling is spread or bursty.
 */
final class FeedFarm implements AutoCloseable {

  private static final Pattern FEED_PATH = Pattern.compile("^/feeds/(\\d+)\\.xml$");
  private static final String ETAG = "\"benchmark-v1\"";
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final HttpServer server;
  private final SeedTemplates templates;
  private final int feeds;
  private final int itemsPerFeed;
  private final AtomicLongArray firstFetchMillis;
  private final Map<Long, LongAdder> requestsPerSecond = new ConcurrentSkipListMap<>();
  private final LongAdder notModified = new LongAdder();

  FeedFarm(SeedTemplates templates, int feeds, int itemsPerFeed) {
    this.templates = templates;
    this.feeds = feeds;
    this.itemsPerFeed = itemsPerFeed;
    this.firstFetchMillis = new AtomicLongArray(feeds);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the feed server", e);
    }
    server.createContext("/feeds/", this::serve);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  String feedUrl(int feed) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + feed + ".xml";
  }

  /** Feeds fetched at least once. */
  int feedsFetched() {
    int fetched = 0;
    for (int i = 0; i < feeds; i++) {
      if (firstFetchMillis.get(i) != 0) {
        fetched++;
      }
    }
    return fetched;
  }

  long firstFetchMillis(int feed) {
    return firstFetchMillis.get(feed);
  }

  /** Requests per wall-clock second (epoch second → count). */
  Map<Long, LongAdder> requestsPerSecond() {
    return requestsPerSecond;
  }

  long notModified() {
    return notModified.sum();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      long now = System.currentTimeMillis();
      requestsPerSecond.computeIfAbsent(now / 1000, second -> new LongAdder()).increment();
      Matcher matcher = FEED_PATH.matcher(exchange.getRequestURI().getPath());
      int feed = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
      if (feed < 0 || feed >= feeds) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      firstFetchMillis.compareAndSet(feed, 0, now);
      if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.increment();
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = rss(feed).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      exchange.getResponseHeaders().set("ETag", ETAG);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private String rss(int feed) {
    StringBuilder xml = new StringBuilder(64 * 1024).append("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
        <title>Benchmark feed %d</title><link>https://feeds.example.org/%d</link><description>Generated</description>
        """.formatted(feed, feed));
    ZonedDateTime published = ZonedDateTime.of(2024, 4, 8, 12, 0, 0, 0, ZoneOffset.UTC);
    for (int item = 0; item < itemsPerFeed; item++) {
      long n = (long) feed * itemsPerFeed + item;
      xml.append("<item><title>").append(SeedTemplates.escape(templates.title(n))).append("</title>")
          .append("<link>https://feeds.example.org/").append(feed).append("/items/").append(item).append("</link>")
          .append("<guid isPermaLink=\"false\">feed-").append(feed).append("-item-").append(item).append("</guid>")
          .append("<pubDate>").append(RFC_1123.format(published.plusMinutes(n % 1440))).append("</pubDate>")
          .append("<description>").append(SeedTemplates.escape(templates.paragraphs(n).get(0))).append("</description>")
          .append("<content:encoded><![CDATA[").append(templates.html(n)).append("]]></content:encoded></item>\n");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
