package io.newsmonitor.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.events.Tag;
import io.newsmonitor.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseReloaderTests {

  private static final String V1 = """
      {"version": "v1", "entries": [{"id": "country:fr", "type": "country", "name": "France"}]}
      """;
  private static final String V2 = """
      {"version": "v2", "entries": [{"id": "country:fr", "type": "country", "name": "France", "aliases": ["Paris"]}]}
      """;
  private static final String BROKEN = """
      {"version": "v3", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "requires": [["country:zz"]]}]}
      """;

  @TempDir
  Path dir;

  @Test
  void aChangedFileIsLoadedAndSwappedIn() throws IOException {
    Path file = write(V1, 1);
    Tagger tagger = new Tagger(KnowledgeBase.load(file));
    try (KnowledgeBaseReloader reloader = new KnowledgeBaseReloader(file, tagger, Clock.systemUTC())) {
      assertThat(reloader.checkNow()).as("unchanged").isFalse();
      assertThat(ids(tagger, "Paris")).isEmpty();

      write(V2, 2);
      assertThat(reloader.checkNow()).isTrue();
      assertThat(tagger.knowledgeBase().version()).isEqualTo("v2");
      assertThat(tagger.tag("Paris", "").knowledgeBaseVersion()).isEqualTo("v2");
      assertThat(ids(tagger, "Paris")).containsExactly("country:fr");
      assertThat(reloader.status().version()).isEqualTo("v2");
      assertThat(reloader.status().lastError()).isEmpty();
    }
  }

  @Test
  void anInvalidFileKeepsThePreviousKnowledgeBaseAndSaysWhy() throws IOException {
    Path file = write(V2, 1);
    Tagger tagger = new Tagger(KnowledgeBase.load(file));
    try (KnowledgeBaseReloader reloader = new KnowledgeBaseReloader(file, tagger, Clock.systemUTC())) {
      write(BROKEN, 2);
      assertThat(reloader.checkNow()).isFalse();
      assertThat(tagger.knowledgeBase().version()).isEqualTo("v2");
      assertThat(ids(tagger, "Paris")).containsExactly("country:fr");
      assertThat(reloader.status().version()).isEqualTo("v2");
      assertThat(reloader.status().lastError()).get().asString().contains("entry topic:x", "country:zz");

      write("{not json", 3);
      assertThat(reloader.checkNow()).isFalse();
      assertThat(reloader.status().lastError()).get().asString().contains("not JSON");

      write(V1, 4);
      assertThat(reloader.checkNow()).isTrue();
      assertThat(reloader.status().version()).isEqualTo("v1");
      assertThat(reloader.status().lastError()).isEmpty();
    }
  }

  @Test
  void pollsTheFileOnItsOwn() throws IOException {
    Path file = write(V1, 1);
    Tagger tagger = new Tagger(KnowledgeBase.load(file));
    try (KnowledgeBaseReloader reloader = new KnowledgeBaseReloader(file, tagger, Clock.systemUTC())) {
      reloader.start(Duration.ofMillis(20));
      write(V2, 2);
      await().atMost(Duration.ofSeconds(10)).until(() -> tagger.knowledgeBase().version().equals("v2"));
      assertThat(ids(tagger, "Paris")).containsExactly("country:fr");
    }
  }

  /** Writes aside then moves into place, as operators should; the time stamp is set so that a change always shows. */
  private Path write(String json, int generation) throws IOException {
    Path file = dir.resolve("kb.json");
    Path aside = Files.writeString(dir.resolve("kb.json.tmp"), json);
    Files.setLastModifiedTime(aside, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(generation)));
    return Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<String> ids(Tagger tagger, String title) {
    return tagger.tag(title, "").actors().stream().map(Tag::id).toList();
  }
}
