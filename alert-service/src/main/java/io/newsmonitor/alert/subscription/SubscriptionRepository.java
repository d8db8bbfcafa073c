package io.newsmonitor.alert.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions in PostgreSQL. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

  /** The analyst's subscriptions, oldest first. */
  public List<Subscription> listOwned(String owner) {
    return list("owner", Sort.by("createdAt").and("id"), owner);
  }

  /** The subscription, when this analyst owns it. */
  public Optional<Subscription> findOwned(UUID id, String owner) {
    return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
  }
}
