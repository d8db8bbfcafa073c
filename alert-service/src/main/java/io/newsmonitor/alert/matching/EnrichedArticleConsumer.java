package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.delivery.Delivery;
import io.newsmonitor.alert.delivery.DeliveryRepository;
import io.newsmonitor.alert.observability.AlertMetrics;
import io.newsmonitor.alert.observability.DeliveryTracing;
import io.newsmonitor.alert.preview.StoredArticles;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionRepository;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.InvalidEventException;
import io.newsmonitor.support.observability.LogContext;
import io.newsmonitor.support.retry.TransientRetry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads enriched articles, finds the active subscriptions whose rules match through their index, and records each new match
 * with its deliveries in one transaction (the outbox): one per channel of the subscription and one for {@code news.alerts},
 * for the first match of a story only; later copies of the story attach to that alert. A record that cannot be read fails
 * the call, so it is nacked and goes to the dead-letter topic; a failure of the database is retried, in a new transaction,
 * until the database is back.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {

  public static final String CHANNEL = "articles-enriched";

  private final SubscriptionRepository subscriptions;
  private final AlertMatchRepository matches;
  private final DeliveryRepository deliveries;
  private final ActiveRuleIndex rules;
  private final Event<DeliveriesQueued> queued;
  private final String alertsTopic;
  private final StoredArticles storedArticles;
  private final AlertMetrics metrics;
  private final TransientRetry transientRetry;

  public EnrichedArticleConsumer(SubscriptionRepository subscriptions, AlertMatchRepository matches, DeliveryRepository deliveries,
      ActiveRuleIndex rules, Event<DeliveriesQueued> queued, StoredArticles storedArticles, AlertMetrics metrics,
      @ConfigProperty(name = "news.topics.alerts") String alertsTopic,
      @ConfigProperty(name = "news.transient-retry.base") Duration retryBase,
      @ConfigProperty(name = "news.transient-retry.cap") Duration retryCap) {
    this.subscriptions = subscriptions;
    this.matches = matches;
    this.deliveries = deliveries;
    this.rules = rules;
    this.queued = queued;
    this.alertsTopic = alertsTopic;
    this.storedArticles = storedArticles;
    this.metrics = metrics;
    this.transientRetry = new TransientRetry(retryBase, retryCap);
  }

  /** What one article's transaction recorded. */
  private record Recorded(int alerts, int attached) {
  }

  /** A new match about to be recorded, with what its payload is built from. */
  private record Pending(AlertMatch match, Subscription subscription, Evaluation evaluation) {
  }

  @Incoming(CHANNEL)
  @Blocking
  public void consume(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidEventException("empty record, expected an ArticleEnriched", List.of(), null);
    }
    ArticleEnriched article = EventCodec.instance().fromJson(json, ArticleEnriched.class);
    try (LogContext ignored = LogContext.of(LogContext.ARTICLE_ID, article.article().id())) {
      Recorded recorded = transientRetry.call("article " + article.article().id() + " revision " + article.article().revision(),
          () -> QuarkusTransaction.requiringNew().call(() -> recordMatches(article)));
      metrics.consumed(recorded.alerts(), recorded.attached());
    }
  }

  private Recorded recordMatches(ArticleEnriched article) {
    storedArticles.store(article);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long matchStart = System.nanoTime();
    List<RuleIndex.Entry<UUID>> matching = rules.current().matches(PreparedArticle.of(article));
    metrics.matchedIn(matchStart);
    List<UUID> ids = matching.stream().map(RuleIndex.Entry::key).toList();
    // One statement each for all the article's matches, rather than two or three per match: the round trips were most of its cost.
    AlertMatchRepository.Prior prior = matches.prior(article.article().id(), article.storyId(), ids);
    Map<UUID, Subscription> active = subscriptions.activeAmong(ids);
    List<Pending> pending = new ArrayList<>();
    for (RuleIndex.Entry<UUID> entry : matching) {
      // A redelivered record, or a later revision of an article that already matched, alerts no more: a revision alerts only
      // when the rule newly matches it. A subscription deleted or paused since the index was built matches nothing.
      Subscription subscription = active.get(entry.key());
      if (prior.matchedArticle().contains(entry.key()) || subscription == null) {
        continue;
      }
      // The index found that it matches; the evaluator says why.
      Pending match = new Pending(newMatch(subscription, article, now), subscription, RuleEvaluator.evaluate(entry.rule(), article));
      // A later copy of a story the subscription was alerted of attaches to that alert, and is delivered nowhere.
      attach(match, prior.storyAlerts().get(subscription.id), article);
      pending.add(match);
    }
    Set<UUID> inserted = insert(pending);
    // Left out: since we looked, a racing consumer recorded this very article, or the story's alert, which the copy attaches to.
    List<Pending> raced = pending.stream().filter(match -> !inserted.contains(match.match().id) && match.match().attachedTo == null).toList();
    if (!raced.isEmpty()) {
      AlertMatchRepository.Prior since = matches.prior(article.article().id(), article.storyId(),
          raced.stream().map(match -> match.subscription().id).toList());
      List<Pending> copies = raced.stream()
          .filter(match -> !since.matchedArticle().contains(match.subscription().id) && since.storyAlerts().containsKey(match.subscription().id))
          .toList();
      copies.forEach(match -> attach(match, since.storyAlerts().get(match.subscription().id), article));
      inserted.addAll(insert(copies));
    }
    List<Delivery> queuedHere = new ArrayList<>();
    int alerts = 0;
    int attached = 0;
    for (Pending match : pending) {
      AlertMatch recorded = match.match();
      if (!inserted.contains(recorded.id)) {
        continue;
      }
      if (recorded.attachedTo == null) {
        alerts++;
        queuedHere.addAll(Delivery.forEachChannel(recorded.id, match.subscription(), now));
        queuedHere.add(Delivery.kafka(recorded.id, match.subscription().id, alertsTopic, now));
      } else {
        attached++;
        Log.debugf("article %s attached to alert %s of story %s for subscription %s", recorded.articleId, recorded.attachedTo, recorded.storyId,
            recorded.subscriptionId);
      }
    }
    // Written together at commit, in JDBC batches.
    deliveries.persist(queuedHere);
    Log.debugf("article %s revision %d: %d new alert(s), %d new delivery(ies)", article.article().id(), article.article().revision(),
        alerts, queuedHere.size());
    if (!queuedHere.isEmpty()) {
      // Observed after commit: the sender starts at once instead of waiting for its next sweep.
      queued.fire(new DeliveriesQueued(queuedHere.size()));
    }
    return new Recorded(alerts, attached);
  }

  private Set<UUID> insert(List<Pending> pending) {
    return new HashSet<>(matches.insertAbsent(pending.stream().map(Pending::match).toList()));
  }

  private static AlertMatch newMatch(Subscription subscription, ArticleEnriched article, Instant now) {
    AlertMatch match = new AlertMatch();
    match.id = UUID.randomUUID();
    match.subscriptionId = subscription.id;
    match.articleId = article.article().id();
    match.revision = article.article().revision();
    match.storyId = article.storyId();
    match.articleTitle = article.article().title();
    match.matchedAt = now;
    match.ingestedAt = article.article().ingestedAt();
    DeliveryTracing.keepCurrentTrace(match);
    return match;
  }

  /**
   * Makes the match a copy attached to the story's alert {@code storyAlert}, or, when null, an alert of its own; the payload
   * is the alert's, under the alert's id.
   */
  private static void attach(Pending pending, UUID storyAlert, ArticleEnriched article) {
    AlertMatch match = pending.match();
    match.attachedTo = storyAlert;
    UUID alertId = storyAlert == null ? match.id : storyAlert;
    match.payload = EventCodec.instance().toJson(alert(alertId, match, pending.subscription(), article, pending.evaluation()));
  }

  private static AlertRaised alert(UUID alertId, AlertMatch match, Subscription subscription, ArticleEnriched enriched, Evaluation evaluation) {
    ArticleIngested article = enriched.article();
    return new AlertRaised(
        alertId.toString(),
        subscription.id.toString(),
        subscription.name,
        subscription.rule,
        new AlertRaised.Article(article.id(), article.revision(), article.url(), article.title(), article.source().name(), article.published()),
        enriched.storyId(),
        match.matchedAt,
        evaluation.termMatches().stream().map(TermMatch::toReason).toList());
  }
}
