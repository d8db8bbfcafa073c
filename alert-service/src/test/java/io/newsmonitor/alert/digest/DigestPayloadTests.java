package io.newsmonitor.alert.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionMode;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.TextField;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The digest's JSON: alerts grouped by story in the order they were raised, each exactly as an alert's own payload. */
class DigestPayloadTests {

  private static final DigestPeriod HOUR = new DigestPeriod(Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T11:00:00Z"));

  private final Subscription subscription = subscription();

  @Test
  void alertsAreGroupedByStoryInTheOrderOfEachStorysFirstAlert() {
    AlertRaised first = alert("story-b", "a1", "10:05");
    AlertRaised second = alert("story-a", "a2", "10:20");
    AlertRaised third = alert("story-b", "a3", "10:59");

    DigestPayload digest = DigestPayload.of("d-1", subscription, HOUR, List.of(first, second, third));

    assertThat(digest.stories()).extracting(DigestPayload.Story::storyId).containsExactly("story-b", "story-a");
    assertThat(digest.stories().get(0).alerts()).containsExactly(first, third);
    assertThat(digest.stories().get(1).alerts()).containsExactly(second);
    assertThat(digest.alertCount()).isEqualTo(3);
  }

  @Test
  void theJsonSaysWhatItIsForWhomAndWhenAndCarriesEachAlertAsItsOwnPayload() throws Exception {
    AlertRaised alert = alert("story-a", "a1", "10:05");
    DigestPayload digest = DigestPayload.of("d-1", subscription, HOUR, List.of(alert));

    JsonPath json = JsonPath.from(digest.toJson());

    assertThat(json.getString("type")).isEqualTo("digest");
    assertThat(json.getString("digestId")).isEqualTo("d-1");
    assertThat(json.getString("subscription.id")).isEqualTo(subscription.id.toString());
    assertThat(json.getString("subscription.name")).isEqualTo("Japan and AUKUS");
    assertThat(json.getString("subscription.rule")).isEqualTo("Japan + Pillar II");
    assertThat(json.getString("subscription.mode")).isEqualTo("HOURLY");
    assertThat(json.getString("period.start")).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(json.getString("period.end")).isEqualTo("2026-11-29T11:00:00Z");
    assertThat(json.getString("stories[0].storyId")).isEqualTo("story-a");
    assertThat(json.getString("stories[0].alerts[0].alertId")).isEqualTo("a1");
    // Written by the codec that writes each alert's own payload, so a receiver reads both the same way.
    JsonNode alone = EventCodec.instance().mapper().readTree(EventCodec.instance().toJson(alert));
    JsonNode inDigest = EventCodec.instance().mapper().readTree(digest.toJson()).at("/stories/0/alerts/0");
    assertThat(inDigest).isEqualTo(alone);
    assertThat(DigestPayload.fromJson(digest.toJson())).isEqualTo(digest);
  }

  @Test
  void theEmailNamesThePeriodInTheDigestZoneAndCountsAlertsAndStories() {
    DigestPayload digest = DigestPayload.of("d-1", subscription, HOUR,
        List.of(alert("story-a", "a1", "10:05"), alert("story-b", "a2", "10:06"), alert("story-a", "a3", "10:07")));

    DigestEmail email = DigestEmail.of(digest, ZoneId.of("UTC"));

    assertThat(email.subject()).isEqualTo("[News monitor] Japan and AUKUS: 3 alerts in 2 stories, 2026-11-29 10:00 to 2026-11-29 11:00 (UTC)");
    assertThat(email.stories()).extracting(story -> story.alerts().size()).containsExactly(2, 1);
    assertThat(email.stories().get(0).alerts().get(0).title()).isEqualTo("Title a1");
  }

  private static Subscription subscription() {
    Subscription subscription = new Subscription();
    subscription.id = UUID.randomUUID();
    subscription.name = "Japan and AUKUS";
    subscription.rule = "Japan + Pillar II";
    subscription.mode = SubscriptionMode.HOURLY;
    return subscription;
  }

  private AlertRaised alert(String storyId, String alertId, String time) {
    return new AlertRaised(alertId, subscription.id.toString(), subscription.name, subscription.rule,
        new AlertRaised.Article("article-" + alertId, 1, "https://example.org/" + alertId, "Title " + alertId, "Example News", null),
        storyId, Instant.parse("2026-11-29T" + time + ":00Z"),
        List.of(new AlertRaised.Reason("Japan", "actor country:jp (Japan)", List.of(new AlertRaised.Snippet(TextField.TITLE, "Japan joins", 0, 5)))));
  }
}
