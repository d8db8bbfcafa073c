package io.newsmonitor.alert;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.ReadOnlyMode;
import org.hibernate.Session;

/** Entities a hot path reads and never changes, loaded by id in one query. */
public final class ReadOnlyEntities {

  private ReadOnlyEntities() {
  }

  /**
   * The entities of {@code ids} that exist, by id. One array parameter, a plan Hibernate keeps (an "in" list of a new length
   * is translated anew); read-only, so that nothing is compared at flush.
   */
  public static <T> Map<UUID, T> byId(Session session, Class<T> type, Collection<UUID> ids, Function<T, UUID> idOf) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return session.findMultiple(type, List.copyOf(Set.copyOf(ids)), ReadOnlyMode.READ_ONLY).stream()
        .filter(Objects::nonNull)
        .collect(Collectors.toMap(idOf, entity -> entity));
  }
}
