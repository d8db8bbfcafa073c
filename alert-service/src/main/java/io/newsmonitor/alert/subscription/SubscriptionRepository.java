package io.newsmonitor.alert.subscription;

import io.newsmonitor.alert.ReadOnlyEntities;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    // Read-only: matching changes none of them.
    return ReadOnlyEntities.byId(getSession(), Subscription.class, ids, subscription -> subscription.id).values().stream()
        .filter(subscription -> subscription.active)
        .collect(Collectors.toMap(subscription -> subscription.id, subscription -> subscription));
  }

  /** The subscription, when this analyst owns it. */
  public Optional<Subscription> findOwned(UUID id, String owner) {
    return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
  }
}
