package io.newsmonitor.ingest.poll;

import io.newsmonitor.events.SourceRef;
import io.newsmonitor.http.FetchException;
import io.newsmonitor.http.HttpResponse;
import io.newsmonitor.http.SafeHttpClient;
import io.newsmonitor.ingest.config.FeedConfig;
import io.newsmonitor.ingest.extract.PageExtractor;
import io.newsmonitor.ingest.feed.FeedParseException;
import io.newsmonitor.ingest.feed.FeedParser;
import io.newsmonitor.ingest.feed.ParsedFeed;
import io.newsmonitor.ingest.fetch.PageFetcher;
import io.newsmonitor.ingest.poll.FeedEntryMapper.Mapped;
import io.newsmonitor.ingest.service.IngestMetrics;
import io.newsmonitor.ingest.service.IngestMetrics.Via;
import io.newsmonitor.ingest.service.IngestResult;
import io.newsmonitor.ingest.service.IngestService;
import io.newsmonitor.ingest.source.Source;
import io.newsmonitor.ingest.source.SourceRepository;
import io.newsmonitor.ingest.source.SourceService;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Polls one feed: a conditional GET, the parse, every entry ingested, then the source's record updated — the validators only
 * when every entry went out, so that a failed publish is retried with the whole feed instead of hidden behind a 304.
 */
@ApplicationScoped
public class FeedPollService {

  private static final String ACCEPT_FEEDS = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

  private final SafeHttpClient http;
  private final FeedParser parser = new FeedParser();
  private final PageFetcher pages;
  private final IngestService ingest;
  private final SourceRepository sourceRepository;
  private final SourceService sources;
  private final FeedConfig config;
  private final WebSubSubscriber webSub;
  private final IngestMetrics metrics;

  FeedPollService(SafeHttpClient http, PageFetcher pages, IngestService ingest, SourceRepository sourceRepository, SourceService sources,
                  FeedConfig config, WebSubSubscriber webSub, IngestMetrics metrics) {
    this.http = http;
    this.pages = pages;
    this.ingest = ingest;
    this.sourceRepository = sourceRepository;
    this.sources = sources;
    this.config = config;
    this.webSub = webSub;
    this.metrics = metrics;
  }

  /** What one poll did. */
  public record Outcome(boolean success, boolean notModified, int entries, int published, String error) {
  }

  /** Polls the feed {@code sourceId}; never throws: a failure is recorded on the source. */
  public Outcome poll(String sourceId) {
    // Read in a transaction of its own: the entity is detached afterwards and the poll holds no connection while it fetches.
    Optional<Source> found = QuarkusTransaction.requiringNew().call(() -> sourceRepository.findByIdOptional(sourceId));
    if (found.isEmpty() || found.get().paused) {
      return new Outcome(true, false, 0, 0, "");
    }
    Source source = found.get();
    Outcome outcome;
    try {
      outcome = fetchAndIngest(source);
    } catch (RuntimeException e) {
      // Whatever the feed did to us, the poller goes on with the others.
      Log.errorf(e, "source %s: poll of %s failed unexpectedly", source.id, source.url);
      outcome = new Outcome(false, false, 0, 0, "unexpected error: " + e);
    }
    if (!outcome.success()) {
      Log.warnf("source %s: poll of %s failed: %s", source.id, source.url, outcome.error());
      sources.recordFailure(source.id, outcome.error());
    }
    metrics.polled(outcome.success(), outcome.notModified());
    return outcome;
  }

  private Outcome fetchAndIngest(Source source) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", ACCEPT_FEEDS);
    if (source.etag != null) {
      headers.put("If-None-Match", source.etag);
    }
    if (source.lastModified != null) {
      headers.put("If-Modified-Since", source.lastModified);
    }
    HttpResponse response;
    try {
      response = http.get(URI.create(source.url), headers);
    } catch (FetchException e) {
      return new Outcome(false, false, 0, 0, e.getMessage());
    }
    if (response.notModified()) {
      sources.recordSuccess(source.id, Optional.ofNullable(source.etag), Optional.ofNullable(source.lastModified), 0);
      return new Outcome(true, true, 0, 0, "");
    }
    if (!response.successful()) {
      return new Outcome(false, false, 0, 0, "HTTP " + response.status() + " from " + response.finalUri());
    }
    ParsedFeed feed;
    try {
      feed = parser.parse(response.body(), response.contentType(), response.finalUri());
    } catch (FeedParseException e) {
      return new Outcome(false, false, 0, 0, "not a usable feed at " + response.finalUri() + ": " + e.getMessage());
    }
    IngestOutcome ingested = ingestEntries(source, feed, Instant.now());
    if (ingested.publishFailure().isPresent()) {
      return new Outcome(false, false, feed.entries().size(), ingested.published(), ingested.publishFailure().get());
    }
    sources.recordSuccess(source.id, response.header("ETag"), response.header("Last-Modified"), ingested.published());
    webSub.subscribeIfAdvertised(source, feed);
    return new Outcome(true, false, feed.entries().size(), ingested.published(), "");
  }

  /** What ingesting a feed's entries gave. */
  public record IngestOutcome(int published, int duplicates, int skipped, Optional<String> publishFailure) {
  }

  /**
   * Ingests every entry of {@code feed} from {@code source}; an entry that cannot be read is skipped with a log line, one the
   * broker does not take stops the rest (they would fail the same way) and is reported.
   */
  public IngestOutcome ingestEntries(Source source, ParsedFeed feed, Instant fetchedAt) {
    ZoneId zone = source.timeZone == null ? ZoneOffset.UTC : ZoneId.of(source.timeZone);
    FeedEntryMapper.SourceContext context = new FeedEntryMapper.SourceContext(new SourceRef(source.id, source.name), Optional.ofNullable(source.language),
        zone, config.fetchPages() ? config.summaryThreshold() : 0);
    FeedEntryMapper.PageLookup pageLookup = link -> pages.fetch(link, source.id)
        .map(page -> PageExtractor.extract(page.html(), page.uri(), page.fetchedAt(), zone));
    int published = 0;
    int duplicates = 0;
    int skipped = 0;
    int index = 0;
    for (Mapped mapped : FeedEntryMapper.map(context, feed, fetchedAt, pageLookup)) {
      index++;
      if (mapped.draft().isEmpty()) {
        skipped++;
        metrics.rejected(Via.FEED);
        Log.infof("source %s: entry %d skipped: %s", source.id, index, mapped.skipReason());
        continue;
      }
      try {
        IngestResult result = ingest.ingest(Via.FEED, mapped.draft().get());
        if (result.status() == IngestResult.Status.PUBLISHED) {
          published++;
        } else {
          duplicates++;
        }
      } catch (ProblemException e) {
        return new IngestOutcome(published, duplicates, skipped, Optional.of("entry " + index + " not published: " + e.getMessage()));
      }
    }
    Log.debugf("source %s: %d entries, %d published, %d duplicates, %d skipped", source.id, feed.entries().size(), published, duplicates, skipped);
    return new IngestOutcome(published, duplicates, skipped, Optional.empty());
  }
}
