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
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads enriched articles, finds the active subscriptions whose rules match through their index, and records each new match
 * with its deliveries in one transaction (the outbox): one per channel of the subscription and one for {@code news.alerts},
 * for the first match of a story only; later copies of the story attach to that alert. A record that cannot be read fails
 * the call, so it is nacked and goes to the dead-letter topic.
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

  public EnrichedArticleConsumer(SubscriptionRepository subscriptions, AlertMatchRepository matches, DeliveryRepository deliveries,
      ActiveRuleIndex rules, Event<DeliveriesQueued> queued, StoredArticles storedArticles, AlertMetrics metrics,
      @ConfigProperty(name = "news.topics.alerts") String alertsTopic) {
    this.subscriptions = subscriptions;
    this.matches = matches;
    this.deliveries = deliveries;
    this.rules = rules;
    this.queued = queued;
    this.alertsTopic = alertsTopic;
    this.storedArticles = storedArticles;
    this.metrics = metrics;
  }

  @Incoming(CHANNEL)
  @Blocking
  @Transactional
  public void consume(String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidEventException("empty record, expected an ArticleEnriched", List.of(), null);
    }
    ArticleEnriched article = EventCodec.instance().fromJson(json, ArticleEnriched.class);
    try (LogContext ignored = LogContext.of(LogContext.ARTICLE_ID, article.article().id())) {
      matchAndQueue(article);
    }
  }

  private void matchAndQueue(ArticleEnriched article) {
    storedArticles.store(article);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    int queuedHere = 0;
    long matchStart = System.nanoTime();
    List<RuleIndex.Entry<UUID>> matched = rules.current().matches(PreparedArticle.of(article));
    metrics.matchedIn(matchStart);
    for (RuleIndex.Entry<UUID> matching : matched) {
      if (match(matching, article, now)) {
        queuedHere++;
      }
    }
    metrics.consumed(queuedHere);
    Log.debugf("article %s revision %d: %d new alert(s)", article.article().id(), article.article().revision(), queuedHere);
    if (queuedHere > 0) {
      // Observed after commit: the sender starts at once instead of waiting for its next sweep.
      queued.fire(new DeliveriesQueued(queuedHere));
    }
  }

  private boolean match(RuleIndex.Entry<UUID> matching, ArticleEnriched article, Instant now) {
    // A redelivered record, or a later revision of an article that already matched, alerts no more: a revision alerts only
    // when the rule newly matches it.
    if (matches.exists(matching.key(), article.article().id())) {
      return false;
    }
    Subscription subscription = subscriptions.findById(matching.key());
    if (subscription == null || !subscription.active) {
      // Deleted or paused since the index was built.
      return false;
    }
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
      deliveries.persist(Delivery.forEachChannel(match.id, subscription, now));
      deliveries.persist(Delivery.kafka(match.id, subscription.id, alertsTopic, now));
      metrics.alertRaised();
      return true;
    }
    // The story has its alert already (or a racing consumer recorded this very article): the copy attaches to that alert.
    matches.alertOfStory(subscription.id, match.storyId).ifPresent(alertId -> {
      match.attachedTo = alertId;
      match.payload = EventCodec.instance().toJson(alert(alertId, match, subscription, article, evaluation));
      if (matches.insertIfAbsent(match)) {
        metrics.attached();
        Log.debugf("article %s attached to alert %s of story %s for subscription %s", match.articleId, alertId, match.storyId, subscription.id);
      }
    });
    return false;
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
