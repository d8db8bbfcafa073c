package io.newsmonitor.ingest.source;

import java.util.Locale;
import java.util.Optional;

/** How articles reach a source: its feed is polled, its client pushes them, or they are imported from files. */
public enum SourceType {
  FEED,
  PUSH,
  FILE;

  /** The lower-case name in the API and the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of a wire name, if it is one. */
  public static Optional<SourceType> ofWireName(String name) {
    for (SourceType type : values()) {
      if (type.wireName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
