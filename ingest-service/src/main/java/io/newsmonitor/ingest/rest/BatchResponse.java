package io.newsmonitor.ingest.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch or a file import: how many items came to each status, and each item's result in order. */
@Schema(name = "BatchResponse", description = "Counts per status and each item's result, in the order of the items.")
public record BatchResponse(int published, int duplicate, int invalid, int failed, List<ItemResult> results) {

  public BatchResponse {
    results = List.copyOf(results);
  }

  public static BatchResponse of(List<ItemResult> results) {
    return new BatchResponse(count(results, ItemResult.Status.PUBLISHED), count(results, ItemResult.Status.DUPLICATE),
        count(results, ItemResult.Status.INVALID), count(results, ItemResult.Status.FAILED), results);
  }

  private static int count(List<ItemResult> results, ItemResult.Status status) {
    return (int) results.stream().filter(result -> result.status() == status).count();
  }
}
