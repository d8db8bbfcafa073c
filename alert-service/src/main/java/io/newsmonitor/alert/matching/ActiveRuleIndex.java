package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.rule.RuleSyntaxException;
import io.newsmonitor.alert.subscription.SubscriptionRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link RuleIndex} of the active subscriptions' rules, keyed by subscription id. Any instance may change the
 * subscriptions, so the index is rebuilt when their count or latest update time in PostgreSQL differ from those it was
 * built from; that is read at most once per {@code alert.matching.refresh-interval}. Call inside a transaction.
 */
@ApplicationScoped
public class ActiveRuleIndex {

  private final SubscriptionRepository subscriptions;
  private final TermResolver resolver;
  private final Duration refreshInterval;

  private RuleIndex<UUID> index = RuleIndex.of(List.of());
  private List<?> builtFrom;
  private Instant checkedAt = Instant.MIN;

  public ActiveRuleIndex(SubscriptionRepository subscriptions, TermResolver resolver,
      @ConfigProperty(name = "alert.matching.refresh-interval") Duration refreshInterval) {
    this.subscriptions = subscriptions;
    this.resolver = resolver;
    this.refreshInterval = refreshInterval;
  }

  /** The index of the active rules, as of at most one refresh interval ago. */
  public synchronized RuleIndex<UUID> current() {
    Instant now = Instant.now();
    if (now.isBefore(checkedAt.plus(refreshInterval))) {
      return index;
    }
    checkedAt = now;
    // Null latest update when there is none: a list that holds it.
    List<?> version = Arrays.asList(subscriptions.getEntityManager()
        .createQuery("select count(s), max(s.updatedAt) from Subscription s where s.active = true", Object[].class)
        .getSingleResult());
    if (!version.equals(builtFrom)) {
      index = build();
      builtFrom = version;
      Log.infof("rule index rebuilt: %d active rule(s)", index.size());
    }
    return index;
  }

  private RuleIndex<UUID> build() {
    List<RuleIndex.Entry<UUID>> entries = new ArrayList<>();
    List<Object[]> rows = subscriptions.getEntityManager()
        .createQuery("select s.id, s.rule from Subscription s where s.active = true order by s.createdAt, s.id", Object[].class)
        .getResultList();
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      try {
        entries.add(new RuleIndex.Entry<>(id, ResolvedRule.of((String) row[1], resolver)));
      } catch (RuleSyntaxException e) {
        // Rules are checked when saved; one that no longer parses must not stop the others.
        Log.warnf("subscription %s has a rule that does not parse (%s); skipped", id, e.getMessage());
      }
    }
    return RuleIndex.of(entries);
  }
}
