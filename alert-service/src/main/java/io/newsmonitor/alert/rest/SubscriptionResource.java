package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Analysts' subscriptions: a rule and the webhook and/or e-mail address its alerts go to. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscriptions")
public class SubscriptionResource {

  private final SubscriptionService service;

  // Constructor injection: the resource is a thin mapping of HTTP onto the service.
  public SubscriptionResource(SubscriptionService service) {
    this.service = service;
  }

  @POST
  @Operation(summary = "Create a subscription", description = "400 problem+json naming the field when name or rule is missing or wrong, when webhookUrl or email is wrong, or when both are missing;"
      + " a rule that does not parse is refused with the position and the reason.")
  public Response create(SubscriptionRequest request, @Context UriInfo uri) {
    SubscriptionRequest body = request == null ? new SubscriptionRequest(null, null, null, null) : request;
    Subscription created = service.create(body.name(), body.rule(), body.webhookUrl(), body.email());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build()).entity(view(created)).build();
  }

  @GET
  @Operation(summary = "List subscriptions, oldest first")
  public List<SubscriptionView> list() {
    return service.list().stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Get a subscription", description = "404 problem+json when there is none with this id.")
  public SubscriptionView get(@PathParam("id") String id) {
    return view(service.get(id));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a subscription with its matches and deliveries", description = "404 problem+json when there is none with this id.")
  public Response delete(@PathParam("id") String id) {
    service.delete(id);
    return Response.noContent().build();
  }

  private SubscriptionView view(Subscription subscription) {
    return SubscriptionView.of(subscription, service.resolve(subscription));
  }
}
