package io.newsmonitor.alert.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionMode;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a digest's webhook request, and what its e-mail is rendered from: the alerts of one period grouped by story,
 * stories in the order of their first alert. Each alert is the {@code AlertRaised} an IMMEDIATE subscription would have
 * received, written by the same codec.
 *
 * @param type always {@value #TYPE}, so that a receiver of both alerts and digests tells them apart
 */
public record DigestPayload(String type, String digestId, SubscriptionRef subscription, Period period, List<Story> stories) {

  public static final String TYPE = "digest";

  /** The subscription the digest is for. */
  public record SubscriptionRef(String id, String name, String rule, SubscriptionMode mode) {
  }

  /** {@code [start, end)}. */
  public record Period(Instant start, Instant end) {
  }

  /** One story of the period with its alerts, oldest first. */
  public record Story(String storyId, List<AlertRaised> alerts) {
  }

  /** The digest of {@code alerts}, which are in the order they were raised. */
  static DigestPayload of(String digestId, Subscription subscription, DigestPeriod period, List<AlertRaised> alerts) {
    Map<String, List<AlertRaised>> byStory = new LinkedHashMap<>();
    for (AlertRaised alert : alerts) {
      byStory.computeIfAbsent(alert.storyId(), story -> new ArrayList<>()).add(alert);
    }
    List<Story> stories = byStory.entrySet().stream().map(story -> new Story(story.getKey(), List.copyOf(story.getValue()))).toList();
    return new DigestPayload(TYPE, digestId, new SubscriptionRef(subscription.id.toString(), subscription.name, subscription.rule, subscription.mode),
        new Period(period.start(), period.end()), stories);
  }

  /** How many alerts the stories hold together. */
  public int alertCount() {
    return stories.stream().mapToInt(story -> story.alerts().size()).sum();
  }

  String toJson() {
    try {
      return EventCodec.instance().mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write digest " + digestId, e);
    }
  }

  static DigestPayload fromJson(String json) {
    try {
      return EventCodec.instance().mapper().readValue(json, DigestPayload.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a digest: " + e.getOriginalMessage(), e);
    }
  }
}
