package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.service.IngestResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted article: its id, the revision and whether it was {@code published} or a {@code duplicate}. */
public record IngestResponse(
    String id,
    int revision,
    @Schema(enumeration = {"published", "duplicate"}) String status) {

  static IngestResponse of(IngestResult result) {
    return new IngestResponse(result.id(), result.revision(), result.status().wireName());
  }
}
