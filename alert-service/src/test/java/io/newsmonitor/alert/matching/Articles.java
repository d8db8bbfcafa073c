package io.newsmonitor.alert.matching;

import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Hand-built enriched articles for the evaluator's tests. */
final class Articles {

  static final String TITLE = "China Expresses Serious Concerns Over Japan's Potential Inclusion in Aukus Security Pact";
  static final String BODY = "In response to reports suggesting that Japan may soon join the Aukus security pact, China has expressed serious"
      + " concerns. The United States, the United Kingdom and Australia are set to announce talks related to Pillar II of the pact, which"
      + " covers advanced capabilities such as hypersonic weapons and quantum technologies. Officials in Tokyo declined to comment.";

  private Articles() {
  }

  static ArticleEnriched article(String title, String body, List<Tag> actors, List<Tag> topics) {
    ArticleIngested ingested = new ArticleIngested("5f1c0a9e3b7d4c2a8e6f1b0d9c8a7e6f", 1, "https://example.org/japan-aukus",
        new SourceRef("file-import", "ICARO Media Group"), title, body, null, "en", OffsetDateTime.parse("2024-04-08T21:56:00+02:00"), false,
        Instant.parse("2024-04-08T20:00:00Z"), "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
    return new ArticleEnriched(ingested, actors, topics, "story-5f1c0a9e3b7d4c2a", "1.0.0", Instant.parse("2024-04-08T20:00:01Z"));
  }

  /** A tag whose mentions are every occurrence of {@code wording} in title and body. */
  static Tag tag(String id, String name, String type, String title, String body, String wording) {
    List<Mention> mentions = new ArrayList<>();
    addMentions(mentions, TextField.TITLE, title, wording);
    addMentions(mentions, TextField.BODY, body, wording);
    return new Tag(id, name, type, mentions.size(), 0.5, mentions);
  }

  private static void addMentions(List<Mention> into, TextField field, String text, String wording) {
    for (int at = text.indexOf(wording); at >= 0; at = text.indexOf(wording, at + 1)) {
      into.add(new Mention(field, at, at + wording.length(), wording));
    }
  }

  static Tag japan() {
    return tag("country:jp", "Japan", "country", TITLE, BODY, "Japan");
  }

  static Tag pillarTwo() {
    return tag("topic:aukus-pillar-2", "AUKUS Pillar II", "topic", TITLE, BODY, "Pillar II");
  }
}
