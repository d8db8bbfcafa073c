package io.newsmonitor.alert.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Subscriptions in PostgreSQL. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

  /** Every subscription, oldest first. */
  public List<Subscription> listInOrder() {
    return listAll(Sort.by("createdAt").and("id"));
  }

  /** The subscriptions that are matched against incoming articles. */
  public List<Subscription> listActive() {
    return list("active", Sort.by("createdAt").and("id"), true);
  }
}
