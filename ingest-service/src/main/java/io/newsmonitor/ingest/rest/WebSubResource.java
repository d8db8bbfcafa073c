package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.feed.FeedParseException;
import io.newsmonitor.ingest.feed.FeedParser;
import io.newsmonitor.ingest.feed.ParsedFeed;
import io.newsmonitor.ingest.poll.FeedPollService;
import io.newsmonitor.ingest.source.Source;
import io.newsmonitor.ingest.source.SourceRepository;
import io.newsmonitor.ingest.source.SourceService;
import io.newsmonitor.support.problem.Problem;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The WebSub subscriber callback: hubs verify our subscriptions here and push new feed content (W3C WebSub §5.3, §7). */
@Path("/websub/{sourceId}")
@Tag(name = "websub", description = "Callback for WebSub hubs")
public class WebSubResource {

  private final SourceRepository sources;
  private final SourceService sourceService;
  private final FeedPollService polls;
  private final FeedParser parser = new FeedParser();

  WebSubResource(SourceRepository sources, SourceService sourceService, FeedPollService polls) {
    this.sources = sources;
    this.sourceService = sourceService;
    this.polls = polls;
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Intent verification", description = "Echoes hub.challenge when the subscription is one we asked for; 404 otherwise.")
  public Response verify(@PathParam("sourceId") String sourceId, @QueryParam("hub.mode") String mode, @QueryParam("hub.topic") String topic,
                         @QueryParam("hub.challenge") String challenge, @QueryParam("hub.lease_seconds") Long leaseSeconds,
                         @QueryParam("hub.reason") String reason) {
    Optional<Source> source = QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(sourceId));
    boolean ours = source.isPresent() && topic != null && topic.equals(source.get().webSubTopic);
    if ("denied".equals(mode)) {
      Log.warnf("source %s: hub denied the subscription to %s: %s", sourceId, topic, reason);
      return Response.ok().build();
    }
    if ("subscribe".equals(mode) && ours && challenge != null) {
      Instant leaseUntil = Instant.now().plusSeconds(leaseSeconds == null ? 0 : leaseSeconds).truncatedTo(ChronoUnit.MICROS);
      QuarkusTransaction.requiringNew().run(() -> sources.findByIdOptional(sourceId).ifPresent(stored -> stored.webSubLeaseUntil = leaseUntil));
      Log.infof("source %s: subscription to %s verified, lease until %s", sourceId, topic, leaseUntil);
      return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }
    if ("unsubscribe".equals(mode) && !ours && challenge != null) {
      return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }
    return Response.status(404).build();
  }

  @POST
  @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
  @Operation(summary = "Content distribution", description = "New feed content from the hub, signed with the subscription's secret (X-Hub-Signature). "
      + "Content with a missing or wrong signature is acknowledged and ignored, as WebSub asks.")
  public Response receive(@PathParam("sourceId") String sourceId, @HeaderParam("X-Hub-Signature") String signature,
                          @HeaderParam("Content-Type") String contentType, byte[] body) {
    Optional<Source> found = QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(sourceId));
    if (found.isEmpty() || found.get().webSubSecret == null) {
      return Response.status(410).build();
    }
    Source source = found.get();
    if (!validSignature(signature, source.webSubSecret, body)) {
      Log.warnf("source %s: WebSub content ignored: %s", sourceId, signature == null ? "no X-Hub-Signature" : "X-Hub-Signature does not match");
      return Response.accepted().build();
    }
    ParsedFeed feed;
    try {
      feed = parser.parse(body, Optional.ofNullable(contentType), URI.create(source.webSubTopic));
    } catch (FeedParseException e) {
      Log.warnf("source %s: WebSub content is not a usable feed: %s", sourceId, e.getMessage());
      throw ProblemException.badField("body", "is not a usable feed: " + e.getMessage());
    }
    FeedPollService.IngestOutcome outcome = polls.ingestEntries(source, feed, Instant.now());
    sourceService.countPublished(sourceId, outcome.published());
    if (outcome.publishFailure().isPresent()) {
      // The hub retries a failed distribution: that is the retry we want.
      throw new ProblemException(503, "Not published", outcome.publishFailure().get());
    }
    return Response.accepted().build();
  }

  /** {@code sha256=<hex>} (or sha1, sha384, sha512) of the body keyed with the secret, compared in constant time. */
  static boolean validSignature(String header, String secret, byte[] body) {
    if (header == null || !header.contains("=")) {
      return false;
    }
    String method = header.substring(0, header.indexOf('=')).strip().toLowerCase(Locale.ROOT);
    String algorithm = switch (method) {
      case "sha1" -> "HmacSHA1";
      case "sha256" -> "HmacSHA256";
      case "sha384" -> "HmacSHA384";
      case "sha512" -> "HmacSHA512";
      default -> null;
    };
    if (algorithm == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      byte[] expected = mac.doFinal(body);
      byte[] given = HexFormat.of().parseHex(header.substring(header.indexOf('=') + 1).strip().toLowerCase(Locale.ROOT));
      return MessageDigest.isEqual(expected, given);
    } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
      return false;
    }
  }
}
