package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.delivery.DeliveryRepository;
import io.newsmonitor.alert.delivery.DeliverySummary;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What was sent where, and how it went. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deliveries")
public class DeliveryResource {

  static final int MAX_LIMIT = 1000;

  private final DeliveryRepository deliveries;

  public DeliveryResource(DeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  @GET
  @Operation(summary = "List deliveries, newest first", description = "Optionally of one subscription; at most `limit` (default 100, at most 1000)."
      + " A match makes one delivery per channel of its subscription (`channel` webhook or email, `target` the URL or the address),"
      + " each retried and parked on its own.")
  public List<DeliverySummary> list(@QueryParam("subscriptionId") String subscriptionId, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.badField("limit", "must be between 1 and " + MAX_LIMIT);
    }
    Optional<UUID> subscription = Optional.empty();
    if (subscriptionId != null && !subscriptionId.isBlank()) {
      try {
        subscription = Optional.of(UUID.fromString(subscriptionId.strip()));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badField("subscriptionId", "must be a UUID");
      }
    }
    return deliveries.summaries(subscription, limit);
  }
}
