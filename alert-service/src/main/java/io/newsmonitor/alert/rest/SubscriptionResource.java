package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.subscription.SavedSubscription;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calling analyst's subscriptions: a rule, a mode, and optionally a webhook and an e-mail address besides the inbox
 * and news.alerts. Another analyst's subscription is not found (404), never forbidden.
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subscriptions")
@SecurityRequirement(name = "basic")
public class SubscriptionResource {

  private static final String NOT_FOUND = "404 problem+json when the analyst has none with this id (another analyst's is not found either).";

  private final SubscriptionService service;
  private final CurrentAnalyst analyst;

  // Constructor injection: the resource is a thin mapping of HTTP onto the service.
  public SubscriptionResource(SubscriptionService service, CurrentAnalyst analyst) {
    this.service = service;
    this.analyst = analyst;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a subscription of the calling analyst", description = "400 problem+json naming the field when name or rule is missing or wrong,"
      + " or when webhookUrl, webhookSecret, email or mode is wrong; a rule that does not parse is refused with the position and the reason."
      + " Neither a webhook nor an e-mail is needed: the inbox and news.alerts get every alert. The answer shows the webhook's secret, this once.")
  public Response create(SubscriptionRequest request, @Context UriInfo uri) {
    SavedSubscription created = service.create(analyst.name(), (request == null ? SubscriptionRequest.EMPTY : request).draft());
    return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id.toString()).build())
        .entity(view(created.subscription(), true)).build();
  }

  @GET
  @Operation(summary = "List the calling analyst's subscriptions, oldest first", description = "Webhook secrets are never shown.")
  public List<SubscriptionView> list() {
    return service.list(analyst.name()).stream().map(subscription -> view(subscription, false)).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Get a subscription", description = "The webhook's secret is never shown. " + NOT_FOUND)
  public SubscriptionView get(@PathParam("id") String id) {
    return view(service.get(analyst.name(), id), false);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a subscription's name, rule, channels and mode", description = "The body is that of the POST, checked the same way."
      + " A webhook keeps its secret unless webhookSecret gives a new one; a webhook added without one gets a generated secret, shown in this answer only."
      + " Its matches and deliveries so far stay. " + NOT_FOUND)
  public SubscriptionView update(@PathParam("id") String id, SubscriptionRequest request) {
    SavedSubscription updated = service.update(analyst.name(), id, (request == null ? SubscriptionRequest.EMPTY : request).draft());
    return view(updated.subscription(), updated.secretIssued());
  }

  @POST
  @Path("{id}/pause")
  @Operation(summary = "Pause a subscription", description = "It is no longer matched and raises no alert until resumed; pending deliveries still go. "
      + NOT_FOUND)
  public SubscriptionView pause(@PathParam("id") String id) {
    return view(service.setActive(analyst.name(), id, false), false);
  }

  @POST
  @Path("{id}/resume")
  @Operation(summary = "Resume a paused subscription", description = "Articles that arrived while it was paused do not alert. " + NOT_FOUND)
  public SubscriptionView resume(@PathParam("id") String id) {
    return view(service.setActive(analyst.name(), id, true), false);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a subscription with its matches and deliveries", description = NOT_FOUND)
  public Response delete(@PathParam("id") String id) {
    service.delete(analyst.name(), id);
    return Response.noContent().build();
  }

  private SubscriptionView view(Subscription subscription, boolean showSecret) {
    return SubscriptionView.of(subscription, service.resolve(subscription), showSecret);
  }
}
