package io.newsmonitor.alert.preview;

import io.newsmonitor.support.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tries a rule on the stored articles before subscribing with it. */
@Path("/api/rules/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rules")
public class PreviewResource {

  private final PreviewService service;

  public PreviewResource(PreviewService service) {
    this.service = service;
  }

  @POST
  @Operation(summary = "Preview a rule on the stored articles of the last days",
      description = "The articles the rule matches, newest first, each with the parts of the rule that matched and highlighted snippets;"
          + " how many articles were scanned, whether the list was cut at the limit, and the time taken. With an articleId, also why the"
          + " rule matches that article or not: the parts that matched and the parts that failed. Articles are kept for"
          + " alert.articles.retention (30 days by default) after their published time.")
  @APIResponse(responseCode = "200", description = "The matches", content = @Content(schema = @Schema(implementation = PreviewResult.class)))
  @APIResponse(responseCode = "400", description = "A rule that does not parse (with the position and the reason, e.g. `unexpected ')' at 14`),"
      + " or days or limit out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No stored article has this articleId",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public PreviewResult preview(PreviewRequest request) {
    return service.preview(request == null ? new PreviewRequest(null, null, null, null) : request);
  }
}
