package io.newsmonitor.enrich.rest;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.Problem;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tags a text on demand, exactly as an ingested article would be, and publishes nothing: for trying out a knowledge-base
 * change, explaining why an article did or did not match a rule, or tagging text from elsewhere.
 */
@Path("/api/tag")
@Tag(name = "tagging", description = "Actors and topics of a text, from the knowledge base")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TagResource {

  /** A BCP 47 tag, loosely: a language subtag and optional subtags ({@code en}, {@code fr-CA}, {@code zh-Hant-TW}). */
  private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");

  private final Tagger tagger;
  private final int maxChars;

  TagResource(Tagger tagger, @ConfigProperty(name = "news.tag-api.max-chars") int maxChars) {
    this.tagger = tagger;
    this.maxChars = maxChars;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Tag a text", description = "Finds the knowledge base's actors and topics in a title and text, with each one's mentions "
      + "(UTF-16 offsets into the title or text), mention count and salience, and the knowledge-base version. Publishes nothing.")
  @APIResponse(responseCode = "200", description = "The tags", content = @Content(schema = @Schema(implementation = TagResponse.class)))
  @APIResponse(responseCode = "400", description = "No title nor text, a text too long, a malformed language or JSON; errors[].field names each",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public TagResponse tag(TagRequest request) {
    validate(request);
    return TagResponse.of(tagger.tag(request.title(), request.text(), request.language()), request.language());
  }

  private void validate(TagRequest request) {
    if (request == null) {
      throw ProblemException.badField("body", "is required: {\"title\": ..., \"text\": ..., \"language\": ...}");
    }
    List<FieldError> errors = new ArrayList<>();
    if (isBlank(request.title()) && isBlank(request.text())) {
      errors.add(new FieldError("text", "a title or a text is required"));
    }
    if (request.title() != null && request.title().length() > maxChars) {
      errors.add(new FieldError("title", "is longer than " + maxChars + " characters"));
    }
    if (request.text() != null && request.text().length() > maxChars) {
      errors.add(new FieldError("text", "is longer than " + maxChars + " characters"));
    }
    if (request.language() != null && !LANGUAGE.matcher(request.language()).matches()) {
      errors.add(new FieldError("language", "is not a BCP 47 language tag such as en or fr-CA"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
