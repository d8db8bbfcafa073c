package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.imports.FileImporter;
import io.newsmonitor.ingest.seed.SeedParser;
import io.newsmonitor.ingest.service.ArticleDraft;
import io.newsmonitor.ingest.service.IngestMetrics;
import io.newsmonitor.ingest.service.IngestMetrics.Via;
import io.newsmonitor.ingest.service.IngestResult;
import io.newsmonitor.ingest.service.IngestService;
import io.newsmonitor.support.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Import of one article file in the seed text format (see {@link SeedParser}), answering what the parser read. */
@Path("/api/imports/seed")
@Tag(name = "imports", description = "Import article files")
public class SeedImportResource {

  private final FileImporter importer;
  private final IngestService ingest;
  private final IngestMetrics metrics;

  SeedImportResource(FileImporter importer, IngestService ingest, IngestMetrics metrics) {
    this.importer = importer;
    this.ingest = ingest;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Import one seed article file",
      description = "Parses title, source, date and story from the text, then publishes it like a pushed article. "
          + "The article id comes from the file name, so importing the same file again is a duplicate.")
  @APIResponse(responseCode = "202", description = "Published, or a duplicate of a published revision",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeedImportResponse.class)))
  @APIResponse(responseCode = "400", description = "No file name, or no story in the text",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "The broker did not take the article; nothing was stored, retry",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response importSeed(
      @Parameter(description = "Name of the file; without its extension it is the item's GUID", required = true, example = "000_1b125cdef706cbb0.txt")
      @QueryParam("filename") String filename,
      String text) {
    ArticleDraft draft = metrics.unlessRejected(Via.IMPORT, () -> importer.seedDraft(filename, text));
    IngestResult result = ingest.ingest(Via.IMPORT, draft);
    return Response.accepted(SeedImportResponse.of(result, draft.title(), draft.source().name())).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
