package io.newsmonitor.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunTests {

  @Test
  void describesAnAlertInOneLine() {
    String body = """
        {"alertId":"a1","subscriptionId":"s1","subscriptionName":"Demo","rule":"Japan + Pillar II",
         "article":{"id":"x","revision":1,"title":"China Expresses Serious Concerns","sourceName":"ICARO Media Group"},
         "storyId":"st","matchedAt":"2024-04-08T20:00:01Z",
         "reasons":[{"term":"Japan","matchedAs":"actor country:jp (Japan)","snippets":[]},
                    {"term":"Pillar II","matchedAs":"topic topic:aukus-pillar-2 (AUKUS Pillar II)","snippets":[]},
                    {"term":"submarine","matchedAs":"text","snippets":[]}]}
        """;
    assertEquals("ALERT  Japan + Pillar II  ←  \"China Expresses Serious Concerns\"  (ICARO Media Group)"
        + "  matched: actor Japan, topic AUKUS Pillar II, text \"submarine\"", LocalRun.describe(delivery(body)));
  }

  @Test
  void showsABodyOfAnotherShapeAsItIs() {
    assertEquals("POST   /demo  not json", LocalRun.describe(delivery("not json")));
    assertEquals("POST   /demo  {\"ping\": true}", LocalRun.describe(delivery("{\"ping\":\n true}")));
  }

  private static WebhookReceiver.Request delivery(String body) {
    return new WebhookReceiver.Request("/demo", Map.of(), body, Instant.now(), 200);
  }
}
