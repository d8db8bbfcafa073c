package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.imports.FileImporter;
import io.newsmonitor.support.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Upload of one article file, whose format its extension tells ({@link FileImporter}). */
@Path("/api/imports")
@Tag(name = "imports")
public class FileImportResource {

  private final FileImporter importer;

  FileImportResource(FileImporter importer) {
    this.importer = importer;
  }

  @POST
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, ArticleBatchResource.NDJSON, MediaType.APPLICATION_OCTET_STREAM})
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Import one article file",
      description = "The file is the body, UTF-8. By extension: .txt is one article in the seed text format, .json an ArticleRequest "
          + "or an array of them, .ndjson or .jsonl one ArticleRequest per line. Each item is ingested on its own, as in a batch.")
  @APIResponse(responseCode = "200", description = "Every item's result (published, duplicate, invalid or failed) and the counts per status",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class)))
  @APIResponse(responseCode = "400", description = "No file name, an unknown extension or an empty file",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "413", description = "More items than ingest.batch.max-items; nothing was ingested",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public BatchResponse importFile(
      @Parameter(description = "Name of the file: its extension (.txt, .json, .ndjson, .jsonl) tells the format; for .txt, without it, the item's GUID",
          required = true, example = "week-15.ndjson")
      @QueryParam("filename") String filename,
      String content) {
    return BatchResponse.of(importer.importFile(filename, content));
  }
}
