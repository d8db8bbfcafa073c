package io.newsmonitor.alert.digest;

import io.newsmonitor.alert.delivery.AlertEmail;
import io.quarkus.qute.TemplateData;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A digest as the e-mail templates show it: its period in the digest zone, and each story's alerts as an alert e-mail shows them. */
@TemplateData
public record DigestEmail(String subject, String subscriptionName, String rule, String period, int alertCount, List<StoryLines> stories) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** One story of the period, with its alerts. */
  @TemplateData
  public record StoryLines(String storyId, List<AlertEmail> alerts) {
  }

  static DigestEmail of(DigestPayload digest, ZoneId zone) {
    DigestPayload.SubscriptionRef subscription = digest.subscription();
    String name = subscription.name() == null ? subscription.id() : subscription.name();
    String period = TIME.format(digest.period().start().atZone(zone)) + " to " + TIME.format(digest.period().end().atZone(zone)) + " (" + zone.getId() + ")";
    int alerts = digest.alertCount();
    int stories = digest.stories().size();
    // A header is one line: a name with a line break would end the Subject and start a header of its own.
    String subject = ("[News monitor] " + name + ": " + alerts + (alerts == 1 ? " alert" : " alerts") + " in " + stories
        + (stories == 1 ? " story" : " stories") + ", " + period).replaceAll("\\s+", " ").strip();
    return new DigestEmail(subject, name, subscription.rule(), period, alerts,
        digest.stories().stream().map(story -> new StoryLines(story.storyId(), story.alerts().stream().map(AlertEmail::of).toList())).toList());
  }
}
