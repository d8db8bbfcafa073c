package io.newsmonitor.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.newsmonitor.ingest.service.IngestResult;
import io.newsmonitor.support.problem.FieldError;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What became of one item of a batch or an imported file.
 *
 * @param line where the item was: its line in NDJSON, its position (from 1) in a JSON array, 1 for a single object or a seed file
 * @param status {@code published}, {@code duplicate}, {@code invalid} (fix it: {@code errors} say how) or {@code failed} (retry: {@code detail} says why)
 * @param id the article id, when the item got that far
 * @param revision the revision published, or the earlier one that carried this content; with {@code id}
 * @param errors each bad field of an invalid item
 * @param detail why an item failed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "ItemResult", description = "What became of one item of a batch or an imported file.")
public record ItemResult(
    @Schema(description = "Line in NDJSON; position from 1 in a JSON array; 1 for a single object or a seed file.") int line,
    @Schema(enumeration = {"published", "duplicate", "invalid", "failed"}) Status status,
    String id,
    Integer revision,
    @Schema(description = "Each bad field of an invalid item; $ for the whole item.") List<FieldError> errors,
    @Schema(description = "Why the item failed; it may succeed when sent again.") String detail) {

  public ItemResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The outcome of one item. */
  public enum Status {
    PUBLISHED, DUPLICATE, INVALID, FAILED;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static ItemResult ingested(int line, IngestResult result) {
    Status status = result.status() == IngestResult.Status.PUBLISHED ? Status.PUBLISHED : Status.DUPLICATE;
    return new ItemResult(line, status, result.id(), result.revision(), List.of(), null);
  }

  public static ItemResult invalid(int line, List<FieldError> errors) {
    return new ItemResult(line, Status.INVALID, null, null, errors, null);
  }

  public static ItemResult failed(int line, String detail) {
    return new ItemResult(line, Status.FAILED, null, null, List.of(), detail);
  }

  /** True when the item is on the topic: published now or before. */
  public boolean ingested() {
    return status == Status.PUBLISHED || status == Status.DUPLICATE;
  }

  /** One line of text saying what went wrong, for logs and error files: {@code line 3: invalid: url: is required}. */
  public String describe() {
    String why = errors.isEmpty() ? detail : String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    return "line " + line + ": " + status.wireName() + (why == null ? "" : ": " + why);
  }
}
