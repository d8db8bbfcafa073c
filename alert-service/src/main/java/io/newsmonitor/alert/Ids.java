package io.newsmonitor.alert;

import java.util.Optional;
import java.util.UUID;

/** Ids as the API receives them: a text that is not a UUID names nothing, which callers answer as 404 or 400. */
public final class Ids {

  private Ids() {
  }

  /** The UUID {@code id} spells; empty for null or anything else. */
  public static Optional<UUID> parseUuid(String id) {
    try {
      return Optional.ofNullable(id).map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
