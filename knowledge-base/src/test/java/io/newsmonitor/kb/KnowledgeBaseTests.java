package io.newsmonitor.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTests {

  private final KnowledgeBase kb = KnowledgeBase.loadDefault();

  @Test
  void loadsTheShippedKnowledgeBase() {
    assertThat(kb.version()).isNotBlank();
    assertThat(kb.entries()).extracting(KbEntry::id).contains(
        "country:jp", "country:us", "country:gb", "country:au", "country:cn", "country:ph", "country:kr", "country:kp",
        "country:tw", "country:ru", "country:ua", "country:in", "country:ca", "country:nz",
        "alliance:aukus", "alliance:quad", "alliance:nato",
        "person:fumio-kishida", "person:joe-biden", "person:kurt-campbell", "person:rahm-emanuel",
        "topic:aukus-pillar-1", "topic:aukus-pillar-2");
    assertThat(kb.entries()).allSatisfy(e -> {
      assertThat(KbEntry.TYPES).contains(e.type());
      assertThat(e.id()).startsWith(e.type() + ":");
      assertThat(e.aliases()).extracting(Alias::text).contains(e.name());
    });
  }

  @Test
  void entriesCarryTheirLinksAndContext() {
    assertThat(kb.byId("person:fumio-kishida")).get().extracting(KbEntry::links).asList().containsExactly("country:jp");
    assertThat(kb.byId("country:jp")).get().extracting(KbEntry::links).asList().contains("alliance:quad");
    assertThat(kb.byId("alliance:aukus")).get().extracting(KbEntry::links).asList()
        .containsExactlyInAnyOrder("country:au", "country:gb", "country:us");
    KbEntry pillar2 = kb.byId("topic:aukus-pillar-2").orElseThrow();
    assertThat(pillar2.isTopic()).isTrue();
    assertThat(pillar2.name()).isEqualTo("AUKUS Pillar II");
    assertThat(pillar2.contextTerms()).containsExactly("alliance:aukus");
    assertThat(pillar2.aliases()).extracting(Alias::text).contains("Pillar II", "Pillar Two", "Pillar 2", "Pillar Ⅱ", "second pillar of AUKUS");
    assertThat(kb.byId("country:jp").orElseThrow().isTopic()).isFalse();
  }

  @Test
  void resolvesNamesAliasesAndIds() {
    assertThat(kb.resolve("Japan")).get().extracting(KbEntry::id).isEqualTo("country:jp");
    assertThat(kb.resolve("japanese")).get().extracting(KbEntry::id).isEqualTo("country:jp");
    assertThat(kb.resolve("Japan’s")).get().extracting(KbEntry::id).isEqualTo("country:jp");
    assertThat(kb.resolve("Tokyo")).get().extracting(KbEntry::id).isEqualTo("country:jp");
    assertThat(kb.resolve("Japon")).get().extracting(KbEntry::id).isEqualTo("country:jp");
    assertThat(kb.resolve("country:jp")).get().extracting(KbEntry::id).isEqualTo("country:jp");
    assertThat(kb.resolve("Country:JP")).get().extracting(KbEntry::id).isEqualTo("country:jp");
    assertThat(kb.resolve("U.S.")).get().extracting(KbEntry::id).isEqualTo("country:us");
    assertThat(kb.resolve("US")).get().extracting(KbEntry::id).isEqualTo("country:us");
    assertThat(kb.resolve("united states")).get().extracting(KbEntry::id).isEqualTo("country:us");
    assertThat(kb.resolve("Kishida")).get().extracting(KbEntry::id).isEqualTo("person:fumio-kishida");
    assertThat(kb.resolve("Aukus")).get().extracting(KbEntry::id).isEqualTo("alliance:aukus");
    assertThat(kb.resolve("Quad")).get().extracting(KbEntry::id).isEqualTo("alliance:quad");
  }

  @Test
  void resolvesTopicWordingsWhateverTheCaseSpacingAndQuotes() {
    for (String term : new String[] {"Pillar II", "pillar ii", "PILLAR II", "Pillar Two", "pillar 2", "Pillar Ⅱ", "  Pillar\u00a0\tII ",
        "\"Pillar II\"", "“Pillar II”", "'pillar two'", "second pillar of AUKUS", "AUKUS Pillar II", "topic:aukus-pillar-2"}) {
      assertThat(kb.resolve(term)).as(term).get().extracting(KbEntry::id).isEqualTo("topic:aukus-pillar-2");
    }
    assertThat(kb.resolve("Pillar I")).get().extracting(KbEntry::id).isEqualTo("topic:aukus-pillar-1");
    assertThat(kb.resolve("Pillar One")).get().extracting(KbEntry::id).isEqualTo("topic:aukus-pillar-1");
  }

  @Test
  void honoursCaseSensitiveAliases() {
    assertThat(kb.resolve("us")).isEmpty();
    assertThat(kb.resolve("Us")).isEmpty();
    assertThat(kb.resolve("quad")).isEmpty();
    assertThat(kb.resolve("rok")).isEmpty();
  }

  @Test
  void unknownOrBlankTermsDoNotResolve() {
    assertThat(kb.resolve("Atlantis")).isEmpty();
    assertThat(kb.resolve("Jap")).isEmpty();
    assertThat(kb.resolve("")).isEmpty();
    assertThat(kb.resolve("  ")).isEmpty();
    assertThat(kb.resolve(null)).isEmpty();
    assertThat(kb.byId("country:xx")).isEmpty();
  }

  @Test
  void loadsAFileFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("kb.json");
    Files.writeString(file, """
        {"version": "test-7", "entries": [
          {"id": "country:fr", "type": "country", "name": "France", "aliases": ["French", {"text": "FR", "caseSensitive": true}]},
          {"id": "person:emmanuel-macron", "type": "person", "name": "Emmanuel Macron", "aliases": ["Macron"], "links": ["country:fr"]}
        ]}
        """);
    KnowledgeBase loaded = KnowledgeBase.load(file);
    assertThat(loaded.version()).isEqualTo("test-7");
    assertThat(loaded.entries()).hasSize(2);
    assertThat(loaded.resolve("french")).get().extracting(KbEntry::id).isEqualTo("country:fr");
    assertThat(loaded.resolve("FR")).get().extracting(KbEntry::id).isEqualTo("country:fr");
    assertThat(loaded.resolve("fr")).isEmpty();
    assertThat(loaded.resolve("macron")).get().extracting(KbEntry::links).asList().containsExactly("country:fr");
    KbEntry france = loaded.byId("country:fr").orElseThrow();
    assertThat(france.aliases()).containsExactly(Alias.of("France"), Alias.of("French"), Alias.caseSensitive("FR"));
    assertThat(france.contextTerms()).isEmpty();
  }

  @Test
  void rejectsBrokenFiles(@TempDir Path dir) throws IOException {
    assertRejected(dir, "{not json", "not JSON");
    assertRejected(dir, "{\"entries\": []}", "version");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "country:fr", "type": "country", "name": "France"},
                                     {"id": "country:fr", "type": "country", "name": "France again"}]}""", "duplicate id country:fr");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "planet:mars", "type": "planet", "name": "Mars"}]}""", "unknown type planet");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "person:fr", "type": "country", "name": "France"}]}""", "must start with its type");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "person:x", "type": "person", "name": "X", "links": ["country:nowhere"]}]}""",
        "unknown id country:nowhere");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "country:ge", "type": "country", "name": "Georgia"},
                                     {"id": "place:georgia-us", "type": "place", "name": "georgia"}]}""", "names both");
    assertThatThrownBy(() -> KnowledgeBase.load(dir.resolve("missing.json")))
        .isInstanceOf(InvalidKnowledgeBaseException.class).hasMessageContaining("cannot read");
  }

  private static void assertRejected(Path dir, String json, String reason) throws IOException {
    Path file = Files.writeString(dir.resolve("kb.json"), json);
    assertThatThrownBy(() -> KnowledgeBase.load(file)).isInstanceOf(InvalidKnowledgeBaseException.class).hasMessageContaining(reason);
  }
}
