package io.newsmonitor.ingest.poll;

import io.newsmonitor.http.FetchException;
import io.newsmonitor.http.HttpResponse;
import io.newsmonitor.http.SafeHttpClient;
import io.newsmonitor.ingest.config.WebSubConfig;
import io.newsmonitor.ingest.feed.ParsedFeed;
import io.newsmonitor.ingest.source.Source;
import io.newsmonitor.ingest.source.SourceRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Subscribes to the WebSub hub a feed advertises (W3C WebSub §5.1), so that its items are pushed to {@code /websub/<source>} as
 * soon as they appear; polling goes on beside it as the safety net.
 */
@ApplicationScoped
public class WebSubSubscriber {

  /** A request the hub has not confirmed is not repeated before this. */
  static final Duration PENDING_GRACE = Duration.ofHours(1);

  private final WebSubConfig config;
  private final SafeHttpClient http;
  private final SourceRepository sources;
  private final SecureRandom random = new SecureRandom();

  WebSubSubscriber(WebSubConfig config, SafeHttpClient http, SourceRepository sources) {
    this.config = config;
    this.http = http;
    this.sources = sources;
  }

  /** Subscribes (or renews) when the feed names a hub and a callback base URL is configured. */
  void subscribeIfAdvertised(Source source, ParsedFeed feed) {
    if (config.callbackBaseUrl().isEmpty() || feed.hub().isEmpty()) {
      return;
    }
    String hub = feed.hub().get().toString();
    String topic = feed.self().map(URI::toString).orElse(source.url);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    boolean sameSubscription = hub.equals(source.webSubHub) && topic.equals(source.webSubTopic);
    if (sameSubscription && source.webSubLeaseUntil != null && source.webSubLeaseUntil.isAfter(now.plus(config.renewBefore()))) {
      return;
    }
    if (sameSubscription && source.webSubLeaseUntil == null && source.webSubRequestedAt != null
        && source.webSubRequestedAt.isAfter(now.minus(PENDING_GRACE))) {
      return;
    }
    byte[] secretBytes = new byte[24];
    random.nextBytes(secretBytes);
    String secret = HexFormat.of().formatHex(secretBytes);
    // Stored before asking: the hub may call back to verify before its answer to us arrives.
    QuarkusTransaction.requiringNew().run(() -> sources.findByIdOptional(source.id).ifPresent(stored -> {
      stored.webSubHub = hub;
      stored.webSubTopic = topic;
      stored.webSubSecret = secret;
      stored.webSubRequestedAt = now;
      stored.webSubLeaseUntil = null;
    }));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("hub.mode", "subscribe");
    form.put("hub.topic", topic);
    form.put("hub.callback", callbackOf(source.id));
    form.put("hub.lease_seconds", Long.toString(config.lease().toSeconds()));
    form.put("hub.secret", secret);
    String body = form.entrySet().stream()
        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    try {
      HttpResponse response = http.post(URI.create(hub), Map.of(), body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
      if (response.successful()) {
        Log.infof("source %s: subscription to %s at hub %s requested", source.id, topic, hub);
      } else {
        Log.warnf("source %s: hub %s refused the subscription to %s: HTTP %d", source.id, hub, topic, response.status());
      }
    } catch (FetchException e) {
      Log.warnf("source %s: hub %s not reached: %s", source.id, hub, e.getMessage());
    }
  }

  /** The callback URL of a source. */
  public String callbackOf(String sourceId) {
    String base = config.callbackBaseUrl().orElseThrow();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/websub/" + URLEncoder.encode(sourceId, StandardCharsets.UTF_8);
  }
}
