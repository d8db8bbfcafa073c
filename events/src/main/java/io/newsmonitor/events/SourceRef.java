package io.newsmonitor.events;

import static java.util.Objects.requireNonNull;

/** Where an article came from: the ingest source's id and its display name. */
public record SourceRef(String id, String name) {

  public SourceRef {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
  }
}
