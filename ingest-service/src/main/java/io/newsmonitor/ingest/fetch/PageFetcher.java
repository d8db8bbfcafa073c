package io.newsmonitor.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsmonitor.http.FetchException;
import io.newsmonitor.http.HttpResponse;
import io.newsmonitor.http.SafeHttpClient;
import io.newsmonitor.ingest.config.FetchConfig;
import io.quarkus.logging.Log;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jsoup.Jsoup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches article pages politely: only what the host's robots.txt allows our User-Agent, at most a few requests per host at
 * a time, and never anything the SSRF guard refuses.
 */
@ApplicationScoped
public class PageFetcher {

  private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> ACCEPT_HTML = Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");

  private final SafeHttpClient http;
  private final FetchConfig config;
  private final String robotName;
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
  private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();

  PageFetcher(SafeHttpClient http, FetchConfig config) {
    this.http = http;
    this.config = config;
    // robots.txt groups name a product token: the User-Agent's first word, without its version.
    this.robotName = config.userAgent().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** A fetched HTML page. */
  public record Page(URI uri, String html, Instant fetchedAt) {
  }

  /**
   * The page at {@code uri}, or empty when robots.txt disallows it, the host is busy for too long, or the fetch fails (logged
   * with the reason; the caller carries on with what it has).
   */
  public Optional<Page> fetch(URI uri, String sourceId) {
    String host = hostKey(uri);
    Semaphore slots = hostSlots.computeIfAbsent(host, h -> new Semaphore(config.perHostConcurrency(), true));
    try {
      if (!slots.tryAcquire(config.responseTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
        Log.infof("source %s: %s is busy, %s not fetched this time", sourceId, host, uri);
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      if (!rulesFor(uri).isAllowed(uri.toString())) {
        Log.infof("source %s: robots.txt of %s disallows %s; the feed's text is kept", sourceId, host, uri);
        return Optional.empty();
      }
      HttpResponse response = http.get(uri, ACCEPT_HTML);
      if (!response.successful()) {
        Log.infof("source %s: page %s answered HTTP %d; the feed's text is kept", sourceId, uri, response.status());
        return Optional.empty();
      }
      String contentType = response.contentType().orElse("text/html");
      if (!contentType.contains("html")) {
        Log.infof("source %s: page %s is %s, not HTML; the feed's text is kept", sourceId, uri, contentType);
        return Optional.empty();
      }
      return Optional.of(new Page(response.finalUri(), decode(response.body(), contentType, response.finalUri()), Instant.now()));
    } catch (FetchException e) {
      Log.infof("source %s: page not fetched: %s", sourceId, e.getMessage());
      return Optional.empty();
    } finally {
      slots.release();
    }
  }

  private BaseRobotRules rulesFor(URI page) throws FetchException {
    String host = hostKey(page);
    CachedRules cached = robots.get(host);
    Instant now = Instant.now();
    if (cached != null && cached.expiresAt.isAfter(now)) {
      return cached.rules;
    }
    URI robotsUri = URI.create(page.getScheme() + "://" + page.getRawAuthority() + "/robots.txt");
    BaseRobotRules rules;
    try {
      HttpResponse response = http.get(robotsUri, Map.of("Accept", "text/plain"));
      if (response.successful()) {
        rules = robotsParser.parseContent(robotsUri.toString(), response.body(), response.contentType().orElse("text/plain"), List.of(robotName));
      } else if (response.status() >= 400 && response.status() < 500) {
        // RFC 9309 §2.3.1.3: an unavailable robots.txt (4xx) allows everything.
        rules = new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
      } else {
        // §2.3.1.4: an unreachable one (5xx) disallows everything, for now.
        rules = new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
      }
    } catch (FetchException e) {
      if (e.reason() == FetchException.Reason.BLOCKED_ADDRESS || e.reason() == FetchException.Reason.UNSUPPORTED_SCHEME) {
        throw e;
      }
      rules = new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
    }
    robots.put(host, new CachedRules(rules, now.plus(config.robotsTtl())));
    return rules;
  }

  private static String hostKey(URI uri) {
    return uri.getScheme() + "://" + String.valueOf(uri.getRawAuthority()).toLowerCase(Locale.ROOT);
  }

  /** The header's charset when it names a known one, else what jsoup reads from the BOM or the page's {@code <meta charset>}, else UTF-8. */
  private static String decode(byte[] body, String contentType, URI uri) {
    Matcher matcher = CHARSET.matcher(contentType);
    if (matcher.find()) {
      try {
        return new String(body, Charset.forName(matcher.group(1)));
      } catch (IllegalArgumentException unknown) {
        // the page itself may say better
      }
    }
    try {
      return Jsoup.parse(new ByteArrayInputStream(body), null, uri.toString()).outerHtml();
    } catch (IOException e) {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record CachedRules(BaseRobotRules rules, Instant expiresAt) {
  }
}
