package io.newsmonitor.ingest.rest;

import io.newsmonitor.events.SourceRef;
import io.newsmonitor.ingest.config.IngestConfig;
import io.newsmonitor.ingest.seed.ParsedSeed;
import io.newsmonitor.ingest.seed.SeedFormatException;
import io.newsmonitor.ingest.seed.SeedParser;
import io.newsmonitor.ingest.service.ArticleDraft;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.newsmonitor.ingest.service.IngestResult;
import io.newsmonitor.ingest.service.IngestService;
import io.newsmonitor.support.problem.Problem;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Import of one article file in the seed text format (see {@link SeedParser}). */
@Path("/api/imports/seed")
@Tag(name = "imports", description = "Import article files")
public class SeedImportResource {

  /** Source id of file imports; with the file name it makes the id of an article that has no URL. */
  public static final String SOURCE_ID = "file-import";
  /** Source name when the file names none. */
  public static final String DEFAULT_SOURCE_NAME = "file import";

  private final SeedParser parser = new SeedParser();
  private final IngestService ingest;
  private final IngestConfig config;

  SeedImportResource(IngestService ingest, IngestConfig config) {
    this.ingest = ingest;
    this.config = config;
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
    String guid = guidOf(filename);
    if (guid.isEmpty()) {
      throw ProblemException.badField("filename", "is required: the name of the imported file");
    }
    if (text == null || text.isBlank()) {
      throw ProblemException.badField("body", "is empty: send the article file as text/plain");
    }
    ParsedSeed seed;
    try {
      seed = parser.parse(text);
    } catch (SeedFormatException e) {
      throw ProblemException.badField("body", "is not an article in the seed format: " + e.getMessage());
    }
    int maxBodyLength = config.article().maxBodyLength();
    if (seed.body().length() > maxBodyLength) {
      throw ProblemException.badField("body", "the story must be at most " + maxBodyLength + " characters, was " + seed.body().length());
    }
    String sourceName = seed.source().orElse(DEFAULT_SOURCE_NAME);
    ArticleDraft draft = new ArticleDraft(ArticleIdentity.idOfGuid(SOURCE_ID, guid), Optional.empty(), new SourceRef(SOURCE_ID, sourceName),
        seed.title(), seed.body(), seed.published());
    IngestResult result = ingest.ingest(draft);
    return Response.accepted(SeedImportResponse.of(result, seed.title(), sourceName)).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The file name without folders and without its extension: {@code seeds/000_1b.txt} → {@code 000_1b}. */
  static String guidOf(String filename) {
    if (filename == null) {
      return "";
    }
    String name = filename.strip();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).strip();
  }
}
