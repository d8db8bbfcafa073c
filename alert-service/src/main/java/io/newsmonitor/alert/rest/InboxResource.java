package io.newsmonitor.alert.rest;

import io.newsmonitor.alert.Ids;
import io.newsmonitor.alert.inbox.Inbox;
import io.newsmonitor.alert.inbox.InboxItem;
import io.newsmonitor.alert.inbox.InboxQuery;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling analyst's inbox: every alert of their subscriptions, whatever its channels, read or unread. */
@Path("/api/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inbox")
@SecurityRequirement(name = "basic")
public class InboxResource {

  static final int MAX_LIMIT = 1000;

  private final Inbox inbox;
  private final CurrentAnalyst analyst;

  public InboxResource(Inbox inbox, CurrentAnalyst analyst) {
    this.inbox = inbox;
    this.analyst = analyst;
  }

  @GET
  @Operation(summary = "List the calling analyst's alerts, newest first", description = "Each with its article (title, URL, source), story, subscription,"
      + " when it matched, whether it was read, and why it matched (the rule's parts with highlighted snippets). `unread=true` keeps the unread ones,"
      + " `subscriptionId` one subscription's; pages of `limit` (default 50, at most 1000) from `offset` (default 0).")
  public List<InboxItem> list(@QueryParam("unread") @DefaultValue("false") boolean unread, @QueryParam("subscriptionId") String subscriptionId,
      @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
    List<FieldError> errors = new ArrayList<>();
    if (limit < 1 || limit > MAX_LIMIT) {
      errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
    }
    if (offset < 0) {
      errors.add(new FieldError("offset", "must not be negative"));
    }
    Optional<UUID> subscription = Optional.empty();
    if (subscriptionId != null && !subscriptionId.isBlank()) {
      subscription = Ids.parseUuid(subscriptionId.strip());
      if (subscription.isEmpty()) {
        errors.add(new FieldError("subscriptionId", "must be a UUID"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
    return inbox.list(new InboxQuery(analyst.name(), unread, subscription, limit, offset));
  }

  @POST
  @Path("{matchId}/read")
  @Operation(summary = "Mark an alert read", description = "204; marking it read again keeps the first time. 404 when the analyst has no such alert.")
  public Response read(@PathParam("matchId") String matchId) {
    return mark(matchId, true);
  }

  @POST
  @Path("{matchId}/unread")
  @Operation(summary = "Mark an alert unread", description = "204. 404 when the analyst has no such alert.")
  public Response unread(@PathParam("matchId") String matchId) {
    return mark(matchId, false);
  }

  private Response mark(String matchId, boolean read) {
    if (!Ids.parseUuid(matchId).map(id -> inbox.mark(analyst.name(), id, read)).orElse(false)) {
      throw ProblemException.notFound("alert " + matchId);
    }
    return Response.noContent().build();
  }

}
