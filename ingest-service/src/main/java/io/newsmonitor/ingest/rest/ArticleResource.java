package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.service.IngestMetrics;
import io.newsmonitor.ingest.service.IngestMetrics.Via;
import io.newsmonitor.ingest.service.IngestService;
import io.newsmonitor.support.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP push of single articles. */
@Path("/api/articles")
@Tag(name = "articles", description = "Push articles into the pipeline")
public class ArticleResource {

  private final ArticleRequests requests;
  private final IngestService ingest;
  private final IngestMetrics metrics;

  ArticleResource(ArticleRequests requests, IngestService ingest, IngestMetrics metrics) {
    this.requests = requests;
    this.ingest = ingest;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Ingest one article",
      description = "Publishes the article on news.articles.ingested once the broker has it. The same content again is a duplicate; "
          + "new content for the same URL is the next revision.")
  @APIResponse(responseCode = "202", description = "Published, or a duplicate of a published revision",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid JSON or fields; errors[].field names each",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "The broker did not take the article; nothing was stored, retry",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response ingest(ArticleRequest request) {
    IngestResponse response = IngestResponse.of(ingest.ingest(Via.PUSH, metrics.unlessRejected(Via.PUSH, () -> requests.toDraft(request))));
    return Response.accepted(response).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
