package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.Ids;
import io.newsmonitor.alert.delivery.Delivery;
import io.newsmonitor.alert.delivery.DeliveryRepository;
import io.newsmonitor.alert.delivery.DeliverySummary;
import io.newsmonitor.alert.delivery.Redrives;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What was sent where for the calling analyst's subscriptions, how it went, and re-driving what was parked. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deliveries")
@SecurityRequirement(name = "basic")
public class DeliveryResource {

  static final int MAX_LIMIT = 1000;

  /** The answer to a re-drive of a subscription's parked deliveries. */
  public record Redriven(int redriven) {
  }

  private final DeliveryRepository deliveries;
  private final Redrives redrives;
  private final CurrentAnalyst analyst;

  public DeliveryResource(DeliveryRepository deliveries, Redrives redrives, CurrentAnalyst analyst) {
    this.deliveries = deliveries;
    this.redrives = redrives;
    this.analyst = analyst;
  }

  @GET
  @Operation(summary = "List the calling analyst's deliveries, newest first", description = "Optionally of one subscription and/or one channel;"
      + " at most `limit` (default 100, at most 1000). An alert makes one delivery per channel: `kafka` (the news.alerts topic) always,"
      + " `webhook` and `email` when the subscription has them (`target` the topic, URL or address), each retried and parked (FAILED)"
      + " on its own. Another analyst's subscription has none.")
  public List<DeliverySummary> list(@QueryParam("subscriptionId") String subscriptionId,
      @Parameter(description = "webhook, email or kafka") @QueryParam("channel") String channel,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.badField("limit", "must be between 1 and " + MAX_LIMIT);
    }
    Optional<String> oneChannel = Optional.ofNullable(channel).filter(name -> !name.isBlank());
    if (oneChannel.isPresent() && !Delivery.CHANNELS.contains(oneChannel.get())) {
      throw ProblemException.badField("channel", "must be one of " + String.join(", ", Delivery.CHANNELS));
    }
    Optional<UUID> subscription = Optional.ofNullable(subscriptionId).filter(id -> !id.isBlank()).map(DeliveryResource::subscriptionId);
    return deliveries.summaries(analyst.name(), subscription, oneChannel, Optional.empty(), limit);
  }

  @POST
  @Path("{id}/redrive")
  @Operation(summary = "Re-drive a parked delivery", description = "A FAILED delivery goes back to PENDING, due now, its attempts counted afresh;"
      + " the answer is the delivery. 409 problem+json when it is not FAILED; 404 when the analyst has no such delivery.")
  public DeliverySummary redrive(@PathParam("id") String id) {
    return redrives.redrive(analyst.name(), id);
  }

  @POST
  @Path("redrive")
  @Operation(summary = "Re-drive every parked delivery of a subscription", description = "As the re-drive of one, for each FAILED delivery of the subscription;"
      + " answers how many. 400 without a subscriptionId; 404 when the analyst has no such subscription.")
  public Redriven redriveSubscription(@QueryParam("subscriptionId") String subscriptionId) {
    return new Redriven(redrives.redriveSubscription(analyst.name(), subscriptionId));
  }

  private static UUID subscriptionId(String id) {
    return Ids.parseUuid(id.strip()).orElseThrow(() -> ProblemException.badField("subscriptionId", "must be a UUID"));
  }
}
