package io.newsmonitor.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A subscription's rule matched an article: published by alert-service on {@link Topics#ALERTS} keyed by
 * {@link #subscriptionId()}, and the body of every webhook delivery.
 *
 * @param alertId unique per (subscription, story); receivers use it to drop repeats
 * @param subscriptionId the subscription whose rule matched
 * @param subscriptionName its name, as the analyst gave it
 * @param rule the rule as written
 * @param article the article that raised the alert
 * @param storyId the story the article belongs to
 * @param matchedAt when the rule matched
 * @param reasons which parts of the rule matched, with evidence
 */
public record AlertRaised(
    String alertId,
    String subscriptionId,
    String subscriptionName,
    String rule,
    Article article,
    String storyId,
    Instant matchedAt,
    List<Reason> reasons) {

  public AlertRaised {
    requireNonNull(alertId, "alertId");
    requireNonNull(subscriptionId, "subscriptionId");
    requireNonNull(rule, "rule");
    requireNonNull(article, "article");
    requireNonNull(storyId, "storyId");
    requireNonNull(matchedAt, "matchedAt");
    reasons = List.copyOf(reasons);
  }

  /** The article as an analyst needs it in a notification. */
  public record Article(String id, int revision, String url, String title, String sourceName, OffsetDateTime published) {

    public Article {
      requireNonNull(id, "id");
      requireNonNull(title, "title");
    }
  }

  /**
   * One part of the rule that matched.
   *
   * @param term the part as written in the rule, e.g. {@code Pillar II}
   * @param matchedAs what it resolved to and matched, e.g. {@code topic:aukus-pillar-2 (AUKUS Pillar II)} or
   *     {@code text}
   * @param snippets where it matched, with the matching words highlighted
   */
  public record Reason(String term, String matchedAs, List<Snippet> snippets) {

    public Reason {
      requireNonNull(term, "term");
      requireNonNull(matchedAs, "matchedAs");
      snippets = List.copyOf(snippets);
    }
  }

  /** A short excerpt of title or body; {@code [highlightStart, highlightEnd)} are UTF-16 offsets into {@code text}. */
  public record Snippet(TextField field, String text, int highlightStart, int highlightEnd) {

    public Snippet {
      requireNonNull(field, "field");
      requireNonNull(text, "text");
    }
  }
}
