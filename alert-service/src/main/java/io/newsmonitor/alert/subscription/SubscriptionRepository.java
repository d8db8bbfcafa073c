package io.newsmonitor.alert.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.ReadOnlyMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Subscriptions in PostgreSQL. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

  /** The analyst's subscriptions, oldest first. */
  public List<Subscription> listOwned(String owner) {
    return list("owner", Sort.by("createdAt").and("id"), owner);
  }

  /** The active subscriptions among {@code ids}, by id: those neither deleted nor paused. */
  public Map<UUID, Subscription> activeAmong(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    // Loaded by id with one array parameter: a plan Hibernate keeps, where an "in" list of a new length is translated anew.
    // Read-only, as matching changes none of them: nothing to compare at flush.
    return getSession().findMultiple(Subscription.class, List.copyOf(Set.copyOf(ids)), ReadOnlyMode.READ_ONLY).stream()
        .filter(subscription -> subscription != null && subscription.active)
        .collect(Collectors.toMap(subscription -> subscription.id, subscription -> subscription));
  }

  /** The subscription, when this analyst owns it. */
  public Optional<Subscription> findOwned(UUID id, String owner) {
    return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
  }
}
