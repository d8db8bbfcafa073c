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

  private enum Outcome { ALERT, ATTACHED, ALREADY_RECORDED }

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
    // One query each for all the article's matches, rather than two per match: the round trips were most of its cost.
    Set<UUID> matchedBefore = matches.subscriptionsMatched(article.article().id(), ids);
    Map<UUID, Subscription> active = subscriptions.activeAmong(ids);
    List<Delivery> queuedHere = new ArrayList<>();
    int alerts = 0;
    int attached = 0;
    for (RuleIndex.Entry<UUID> entry : matching) {
      // A redelivered record, or a later revision of an article that already matched, alerts no more: a revision alerts only
      // when the rule newly matches it. A subscription deleted or paused since the index was built matches nothing.
      Subscription subscription = active.get(entry.key());
      if (matchedBefore.contains(entry.key()) || subscription == null) {
        continue;
      }
      switch (match(entry, subscription, article, now, queuedHere)) {
        case ALERT -> alerts++;
        case ATTACHED -> attached++;
        case ALREADY_RECORDED -> { }
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

  /** Records the match, as a new alert whose deliveries it adds to {@code queued}, or as a copy attached to its story's alert. */
  private Outcome match(RuleIndex.Entry<UUID> matching, Subscription subscription, ArticleEnriched article, Instant now, List<Delivery> queued) {
    // The index found that it matches; the evaluator says why.
    Evaluation evaluation = RuleEvaluator.evaluate(matching.rule(), article);
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
    match.payload = EventCodec.instance().toJson(alert(match.id, match, subscription, article, evaluation));
    if (matches.insertIfAbsent(match)) {
      queued.addAll(Delivery.forEachChannel(match.id, subscription, now));
      queued.add(Delivery.kafka(match.id, subscription.id, alertsTopic, now));
      return Outcome.ALERT;
    }
    // The story has its alert already (or a racing consumer recorded this very article): the copy attaches to that alert.
    UUID alertId = matches.alertOfStory(subscription.id, match.storyId).orElse(null);
    if (alertId == null) {
      return Outcome.ALREADY_RECORDED;
    }
    match.attachedTo = alertId;
    match.payload = EventCodec.instance().toJson(alert(alertId, match, subscription, article, evaluation));
    if (!matches.insertIfAbsent(match)) {
      return Outcome.ALREADY_RECORDED;
    }
    Log.debugf("article %s attached to alert %s of story %s for subscription %s", match.articleId, alertId, match.storyId, subscription.id);
    return Outcome.ATTACHED;
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
