package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.service.IngestResult;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a seed import: as for a pushed article, plus what the parser read from the file. */
public record SeedImportResponse(
    String id,
    int revision,
    @Schema(enumeration = {"published", "duplicate"}) String status,
    String title,
    String source,
    OffsetDateTime published,
    boolean publishedEstimated) {

  static SeedImportResponse of(IngestResult result, String title, String source) {
    return new SeedImportResponse(result.id(), result.revision(), result.status().wireName(), title, source, result.published(),
        result.publishedEstimated());
  }
}
