package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.imports.ArticleItems;
import io.newsmonitor.ingest.service.IngestMetrics.Via;
import io.newsmonitor.support.problem.Problem;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP push of many articles at once, as NDJSON: one article per line, each ingested on its own. */
@Path("/api/articles/batch")
@Tag(name = "articles")
public class ArticleBatchResource {

  /** Newline-delimited JSON: one JSON value per line. */
  public static final String NDJSON = "application/x-ndjson";

  private final ArticleItems items;

  ArticleBatchResource(ArticleItems items) {
    this.items = items;
  }

  @POST
  @Consumes(NDJSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Ingest a batch of articles",
      description = "Each non-blank line is one ArticleRequest, ingested in its own transaction exactly as POST /api/articles would: "
          + "a malformed or invalid line, or one the broker did not take, is reported in its result and never stops the others. "
          + "At most ingest.batch.max-items lines (default 1000) and quarkus.http.limits.max-body-size bytes (10M).")
  @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ArticleRequest.class),
      examples = @ExampleObject(name = "two articles", value = """
          {"url": "https://example.org/news/1", "title": "Japan to join AUKUS Pillar II projects", "body": "Tokyo and the AUKUS partners agreed."}
          {"url": "https://example.org/news/2", "body": "Talks start on Monday.", "source": "Example News"}
          """)))
  @APIResponse(responseCode = "200", description = "Every line's result (published, duplicate, invalid or failed) and the counts per status",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class)))
  @APIResponse(responseCode = "400", description = "An empty body",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "413", description = "More lines than ingest.batch.max-items (problem+json naming the limit; nothing was ingested), "
      + "or a body over quarkus.http.limits.max-body-size (refused by the HTTP server before it is read)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "A content type other than application/x-ndjson",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public BatchResponse ingest(String ndjson) {
    if (ndjson == null || ndjson.isBlank()) {
      throw ProblemException.badField("body", "is empty: send one article JSON object per line");
    }
    return BatchResponse.of(items.ingestNdjson(Via.PUSH, ndjson));
  }
}
