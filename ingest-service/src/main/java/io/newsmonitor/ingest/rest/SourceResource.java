package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.source.SourceHealth;
import io.newsmonitor.ingest.source.SourceService;
import io.newsmonitor.support.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sources articles come from: feeds to poll, push clients and file imports, with their health. */
@Path("/api/sources")
@Tag(name = "sources", description = "Feeds, push clients and file imports, with their health")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SourceResource {

  private final SourceService sources;
  private final SourceHealth health;

  SourceResource(SourceService sources, SourceHealth health) {
    this.sources = sources;
    this.health = health;
  }

  @GET
  @Operation(summary = "List sources", description = "Every source with its settings and health, by id.")
  public List<SourceView> list() {
    return sources.list().stream().map(source -> SourceView.of(source, health)).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a source", description = "A feed is first polled within a minute (or its interval when shorter), then every interval, "
      + "give or take a jitter.")
  @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "400", description = "Invalid fields; errors[].field names each",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The id is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response create(SourceRequest request, @Context UriInfo uri) {
    SourceView created = SourceView.of(sources.create(request), health);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Get a source")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SourceView get(@PathParam("id") String id) {
    return SourceView.of(sources.get(id), health);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a source's settings", description = "Its id and type stay; a changed feed URL is polled afresh soon.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SourceView update(@PathParam("id") String id, SourceRequest request) {
    return SourceView.of(sources.update(id, request), health);
  }

  @POST
  @Path("{id}/pause")
  @Operation(summary = "Pause a source", description = "A paused feed is not polled.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SourceView pause(@PathParam("id") String id) {
    return SourceView.of(sources.setPaused(id, true), health);
  }

  @POST
  @Path("{id}/resume")
  @Operation(summary = "Resume a paused source", description = "A resumed feed is polled at once.")
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SourceView resume(@PathParam("id") String id) {
    return SourceView.of(sources.setPaused(id, false), health);
  }

  @POST
  @Path("{id}/poll")
  @Operation(summary = "Poll a feed now", description = "Makes the feed due at once, also when it is unhealthy; the poll itself runs in the background.")
  @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = SourceView.class)))
  @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "Not a feed, or paused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response pollNow(@PathParam("id") String id) {
    return Response.accepted(SourceView.of(sources.pollNow(id), health)).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a source", description = "Articles already published stay published.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public void delete(@PathParam("id") String id) {
    sources.delete(id);
  }
}
