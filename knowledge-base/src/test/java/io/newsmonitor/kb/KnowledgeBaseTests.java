package io.newsmonitor.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    assertThat(pillar2.parentId()).contains("alliance:aukus");
    assertThat(pillar2.condition().requires()).hasSize(2);
    assertThat(pillar2.condition().requires().getFirst().terms()).contains("alliance:aukus", "country:au", "country:gb", "country:us");
    assertThat(pillar2.condition().excludes()).singleElement().satisfies(g -> {
      assertThat(g.terms()).contains("organisation:oecd", "global minimum tax", "Basel");
      assertThat(g.window()).isEqualTo(400);
    });
    assertThat(pillar2.aliases()).extracting(Alias::text).contains("Pillar II", "Pillar Two", "Pillar 2", "second pillar of AUKUS", "Pilier II", "deuxième pilier");
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
    assertThat(france.condition()).isEqualTo(Condition.NONE);
    assertThat(france.parentId()).isEmpty();
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
                                     {"id": "place:georgia-us", "type": "place", "name": "georgia"}]}""", "also names country:ge");
    assertThatThrownBy(() -> KnowledgeBase.load(dir.resolve("missing.json")))
        .isInstanceOf(InvalidKnowledgeBaseException.class).hasMessageContaining("cannot read");
  }

  @Test
  void readsConditionsOnEntriesAndAliases(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("kb.json"), """
        {"version": "c-1", "languages": ["en", "fr"], "entries": [
          {"id": "country:jo", "type": "country", "name": "Jordan", "aliases": [
             {"text": "Jordan", "requires": [["Amman", "country:il"]], "excludes": [{"anyOf": ["Michael Jordan"], "window": 0}]},
             "Jordanian"]},
          {"id": "country:il", "type": "country", "name": "Israel", "aliases": [{"text": "Israel", "alsoFirstName": true}]},
          {"id": "topic:x", "type": "topic", "name": "X", "parent": "country:jo", "requires": [["a"], {"anyOf": ["b"], "window": 20}]}
        ]}
        """);
    KnowledgeBase loaded = KnowledgeBase.load(file);
    assertThat(loaded.languages()).containsExactly("en", "fr");
    Alias jordan = loaded.byId("country:jo").orElseThrow().aliases().getFirst();
    assertThat(jordan).isEqualTo(new Alias("Jordan", false, new Condition(
        List.of(TermGroup.anywhere(List.of("Amman", "country:il"))), List.of(new TermGroup(List.of("Michael Jordan"), 0)))));
    assertThat(loaded.byId("country:il").orElseThrow().aliases().getFirst().alsoFirstName()).isTrue();
    KbEntry x = loaded.byId("topic:x").orElseThrow();
    assertThat(x.parentId()).contains("country:jo");
    assertThat(x.condition().requires()).containsExactly(TermGroup.anywhere(List.of("a")), new TermGroup(List.of("b"), 20));
  }

  @Test
  void rejectsBrokenConditionsNamingTheEntry(@TempDir Path dir) throws IOException {
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "requires": [["country:zz"]]}]}""",
        "entry topic:x: condition term country:zz is not the id of any entry");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "excludes": [{"anyOf": ["a"], "window": -3}]}]}""",
        "entry topic:x, excludes group 1: window must be a whole number");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "requires": [[]]}]}""",
        "entry topic:x, requires group 1: needs at least one term");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "requires": "a"}]}""",
        "entry topic:x: requires must be an array");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "require": [["a"]]}]}""",
        "entry topic:x: unknown field require");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X",
          "aliases": [{"text": "Y", "requires": [[""]]}]}]}""", "entry topic:x, alias 'Y', requires group 1: a term must be a non-blank string");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "aliases": [{"text": "Y", "caseSensitive": "yes"}]}]}""",
        "caseSensitive must be true or false");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "parent": "topic:nowhere"}]}""",
        "entry topic:x: unknown parent topic:nowhere");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "parent": "topic:y"},
                                     {"id": "topic:y", "type": "topic", "name": "Y", "parent": "topic:x"}]}""", "parent cycle");
    assertRejected(dir, """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "aliases": [{"text": "Pillar Two", "requires": [["a"]]}]},
                                     {"id": "topic:y", "type": "topic", "name": "Y", "aliases": ["Pillar Two"]}]}""",
        "entry topic:y: the wording 'Pillar Two' also names topic:x");
  }

  @Test
  void aWordingMayNameTwoEntriesWhenContextDecides(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("kb.json"), """
        {"version": "1", "entries": [{"id": "topic:x", "type": "topic", "name": "X", "aliases": [{"text": "Pillar Two", "requires": [["a"]]}]},
                                     {"id": "topic:y", "type": "topic", "name": "Y", "requires": [["b"]], "aliases": ["Pillar Two"]}]}""");
    // A rule term resolves to the first such entry in file order.
    assertThat(KnowledgeBase.load(file).resolve("pillar two")).get().extracting(KbEntry::id).isEqualTo("topic:x");
  }

  @Test
  void coversEveryIsoCountryInEnglishAndFrench() {
    for (String code : Locale.getISOCountries()) {
      KbEntry country = kb.byId("country:" + code.toLowerCase(Locale.ROOT)).orElseThrow(() -> new AssertionError("no country:" + code));
      assertThat(country.type()).isEqualTo("country");
      Locale region = Locale.of("", code);
      assertThat(kb.resolve(region.getDisplayCountry(Locale.FRENCH)).map(KbEntry::id).orElse(region.getDisplayCountry(Locale.FRENCH)))
          .as("French name of %s", code).isIn(country.id(), region.getDisplayCountry(Locale.FRENCH));
    }
    assertThat(kb.entries()).filteredOn(e -> e.type().equals("country")).hasSizeGreaterThanOrEqualTo(249);
    assertThat(kb.languages()).contains("en", "fr");
  }

  @Test
  void resolvesDemonymsMetonymsAndFrenchNames() {
    Map<String, String> expected = Map.ofEntries(
        Map.entry("Tokyo", "country:jp"), Map.entry("Japanese", "country:jp"), Map.entry("Japon", "country:jp"), Map.entry("japonaises", "country:jp"),
        Map.entry("Washington", "country:us"), Map.entry("U.S.", "country:us"), Map.entry("American", "country:us"), Map.entry("Américaines", "country:us"),
        Map.entry("États-Unis", "country:us"), Map.entry("Britain", "country:gb"), Map.entry("UK", "country:gb"), Map.entry("London", "country:gb"),
        Map.entry("Royaume-Uni", "country:gb"), Map.entry("Britanniques", "country:gb"), Map.entry("Canberra", "country:au"),
        Map.entry("Australian", "country:au"), Map.entry("Australienne", "country:au"), Map.entry("Allemande", "country:de"),
        Map.entry("Berlin", "country:de"), Map.entry("Kishida", "person:fumio-kishida"), Map.entry("Türkiye", "country:tr"),
        Map.entry("Turquie", "country:tr"), Map.entry("Tbilisi", "country:ge"), Map.entry("OTAN", "alliance:nato"),
        Map.entry("Five Eyes", "alliance:five-eyes"), Map.entry("OCDE", "organisation:oecd"), Map.entry("Comité de Bâle", "organisation:basel-committee"),
        Map.entry("Pentagon", "organisation:pentagon"), Map.entry("Self-Defense Forces", "organisation:jsdf"),
        Map.entry("global minimum tax", "topic:global-minimum-tax"), Map.entry("Basel III", "topic:bank-capital-rules"),
        Map.entry("hypersonic missiles", "topic:hypersonic-weapons"), Map.entry("mer de Chine méridionale", "topic:south-china-sea"));
    expected.forEach((term, id) -> assertThat(kb.resolve(term)).as(term).get().extracting(KbEntry::id).isEqualTo(id));
    assertThat(kb.byId("alliance:aukus").orElseThrow().links()).containsExactlyInAnyOrder("country:au", "country:gb", "country:us");
    assertThat(kb.byId("country:jp").orElseThrow().links()).contains("alliance:quad");
  }

  @Test
  void reportsItsSize() {
    // Printed in the build output on purpose: the size of the knowledge base is a figure worth watching.
    System.out.println(kb);
    assertThat(kb.countByType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(kb.entries().size());
    assertThat(kb.aliasCount()).isGreaterThan(kb.entries().size() * 3);
  }

  private static void assertRejected(Path dir, String json, String reason) throws IOException {
    Path file = Files.writeString(dir.resolve("kb.json"), json);
    assertThatThrownBy(() -> KnowledgeBase.load(file)).isInstanceOf(InvalidKnowledgeBaseException.class).hasMessageContaining(reason);
  }
}
