package io.newsmonitor.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.events.Mention;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import io.newsmonitor.kb.KnowledgeBase;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaggerTests {

  private static final Tagger TAGGER = new Tagger(KnowledgeBase.loadDefault());

  @ParameterizedTest
  @ValueSource(strings = {"000", "001", "002", "004"})
  void seedsAboutPillarTwoAreTaggedJapanAndPillarTwo(String number) {
    Seeds.Seed seed = Seeds.seed(number);
    Tagging tagging = TAGGER.tag(seed.title(), seed.body());
    assertThat(ids(tagging.actors())).as(seed.name()).contains("country:jp", "alliance:aukus");
    assertThat(ids(tagging.topics())).as(seed.name()).contains("topic:aukus-pillar-2");
  }

  @Test
  void seedAboutHypersonicsWithoutAPillarIsJapanButNotPillarTwo() {
    Seeds.Seed seed = Seeds.seed("003");
    Tagging tagging = TAGGER.tag(seed.title(), seed.body());
    assertThat(ids(tagging.actors())).contains("country:jp", "country:us", "country:cn", "country:tw");
    assertThat(ids(tagging.topics())).doesNotContain("topic:aukus-pillar-2", "topic:aukus-pillar-1");
  }

  @Test
  void seedsGetTheActorsTheyName() {
    Seeds.Seed seed = Seeds.seed("000");
    Tagging tagging = TAGGER.tag(seed.title(), seed.body());
    assertThat(ids(tagging.actors())).contains("country:jp", "country:cn", "country:us", "country:gb", "country:au",
        "country:ph", "alliance:aukus", "person:joe-biden", "person:fumio-kishida", "person:rahm-emanuel");
    Seeds.Seed reuters = Seeds.seed("001");
    assertThat(ids(TAGGER.tag(reuters.title(), reuters.body()).actors())).contains("person:kurt-campbell", "country:tw", "country:ru",
        "alliance:quad", "alliance:nato");
    Seeds.Seed yonhap = Seeds.seed("002");
    assertThat(ids(TAGGER.tag(yonhap.title(), yonhap.body()).actors())).contains("alliance:quad", "country:in", "country:nz",
        "country:ca", "country:kr");
  }

  @Test
  void japanIsAmongTheMostSalientActorsOfAnArticleAboutJapan() {
    Seeds.Seed seed = Seeds.seed("004");
    Tagging tagging = TAGGER.tag(seed.title(), seed.body());
    Tag japan = tag(tagging.actors(), "country:jp").orElseThrow();
    assertThat(japan.salience()).isGreaterThan(0.9);
    assertThat(tagging.actors().subList(0, 3)).extracting(Tag::id).containsExactlyInAnyOrder("country:us", "country:jp", "alliance:aukus");
    assertThat(tagging.actors()).isSortedAccordingTo(java.util.Comparator.comparingDouble(Tag::salience).reversed());
    assertThat(japan.mentionCount()).isGreaterThanOrEqualTo(15);
    assertThat(japan.mentions()).hasSize(Tagger.MAX_MENTIONS);
    assertThat(japan.mentions().getFirst()).isEqualTo(new Mention(TextField.TITLE, 30, 35, "Japan"));
  }

  @Test
  void topicsNeedTheirContext() {
    String title = "OECD members agree on Pillar Two";
    String body = "The OECD's Pillar Two global minimum tax of 15% takes effect next year; Pillar One, which reallocates "
        + "taxing rights, is still being negotiated. The second pillar was agreed first. Japan and the U.S. signed up.";
    Tagging tagging = TAGGER.tag(title, body);

    assertThat(ids(tagging.topics())).doesNotContain("topic:aukus-pillar-1", "topic:aukus-pillar-2");
    assertThat(ids(tagging.topics())).contains("topic:global-minimum-tax");
    assertThat(ids(tagging.actors())).contains("country:jp", "country:us", "organisation:oecd");
  }

  @Test
  void theContextCanBeInTheTitleOrInsideTheTopicWording() {
    assertThat(ids(TAGGER.tag("AUKUS talks", "They discussed Pillar 2 of their defence pact.").topics())).containsExactly("topic:aukus-pillar-2");
    Tagging tagging = TAGGER.tag("Talks", "Japan may join the second pillar of AUKUS, on defence technology.");
    assertThat(ids(tagging.topics())).containsExactly("topic:aukus-pillar-2");
    assertThat(tag(tagging.topics(), "topic:aukus-pillar-2").orElseThrow().mentions())
        .containsExactly(new Mention(TextField.BODY, 19, 41, "second pillar of AUKUS"));
    assertThat(ids(tagging.actors())).contains("alliance:aukus");
  }

  @Test
  void caseSensitiveAliasesOnlyMatchInTheirCase() {
    assertThat(ids(TAGGER.tag("Let us talk", "Tell us what you think, said the quad bike dealer from nz.").actors())).isEmpty();
    assertThat(ids(TAGGER.tag("US and Japan", "The quad met. The Quad met.").actors()))
        .containsExactlyInAnyOrder("country:us", "country:jp", "alliance:quad");
  }

  @Test
  void aliasesResolveToTheirEntity() {
    Tagging tagging = TAGGER.tag("Washington and Tokyo", "U.S. officials and Japanese diplomats met in London with British, "
        + "Australian and American partners. Kishida spoke; Le Japon et les japonais ont répondu.");
    Tag us = tag(tagging.actors(), "country:us").orElseThrow();
    assertThat(us.mentions()).extracting(Mention::text).containsExactly("Washington", "U.S.", "American");
    Tag japan = tag(tagging.actors(), "country:jp").orElseThrow();
    assertThat(japan.mentions()).extracting(Mention::text).containsExactly("Tokyo", "Japanese", "Japon", "japonais");
    assertThat(ids(tagging.actors())).contains("country:gb", "country:au", "person:fumio-kishida");
  }

  @Test
  void aPersonDoesNotTagTheirCountry() {
    Tagging tagging = TAGGER.tag("Kishida visits", "Prime Minister Fumio Kishida spoke to reporters.");
    assertThat(ids(tagging.actors())).containsExactly("person:fumio-kishida");
    assertThat(tagging.actors().getFirst().mentionCount()).isEqualTo(2);
  }

  @Test
  void onlyWholeWordsMatch() {
    Tagging tagging = TAGGER.tag("JAUKUS", "TaiwanIsNotChina and TokyoLiving said Chinatown and Japanned boxes; Ukrainians did not.");
    assertThat(ids(tagging.actors())).containsExactly("country:ua");
  }

  @Test
  void normalisesQuotesSpacesAndRomanNumeralsButPointsIntoTheOriginalText() {
    String title = "U.S., Britain, Australia to discuss AUKUS expansion – Japan’s role in Pillar Ⅱ";
    String body = "Japan\u2019s\u00a0role in “Pillar\u00a0II” and in\nPillar\n  Two of the defence pact.";
    Tagging tagging = TAGGER.tag(title, body);
    Tag pillar = tag(tagging.topics(), "topic:aukus-pillar-2").orElseThrow();
    assertThat(pillar.mentions()).containsExactly(
        new Mention(TextField.TITLE, 70, 78, "Pillar Ⅱ"),
        new Mention(TextField.BODY, 17, 26, "Pillar\u00a0II"),
        new Mention(TextField.BODY, 35, 47, "Pillar\n  Two"));
    Tag japan = tag(tagging.actors(), "country:jp").orElseThrow();
    assertThat(japan.mentions()).extracting(Mention::text).containsExactly("Japan’s", "Japan\u2019s");
    assertMentionsPointIntoTheText(tagging, title, body);
  }

  @Test
  void mentionsPointAtTheirTextInEverySeed() {
    for (String number : List.of("000", "001", "002", "003", "004")) {
      Seeds.Seed seed = Seeds.seed(number);
      assertMentionsPointIntoTheText(TAGGER.tag(seed.title(), seed.body()), seed.title(), seed.body());
    }
  }

  @Test
  void salienceFavoursTheTitleAndTheLead() {
    String lead = "Japan and China met. ";
    String filler = "Nothing to report here. ".repeat(200);
    Tagging tagging = TAGGER.tag("Japan talks", lead + filler + "India was not there.");
    Tag japan = tag(tagging.actors(), "country:jp").orElseThrow();
    Tag china = tag(tagging.actors(), "country:cn").orElseThrow();
    Tag india = tag(tagging.actors(), "country:in").orElseThrow();
    assertThat(japan.salience()).isGreaterThan(china.salience());
    assertThat(china.salience()).isGreaterThan(india.salience());
    assertThat(india.salience()).isBetween(0.0, 0.1);
    assertThat(tagging.actors()).extracting(Tag::id).containsExactly("country:jp", "country:cn", "country:in");
    assertThat(tagging.actors()).allSatisfy(t -> assertThat(t.salience()).isBetween(0.0, 1.0));
  }

  @Test
  void taggingIsDeterministic() {
    Seeds.Seed seed = Seeds.seed("001");
    assertThat(TAGGER.tag(seed.title(), seed.body())).isEqualTo(TAGGER.tag(seed.title(), seed.body()));
  }

  @Test
  void emptyTextHasNoTags() {
    String version = TAGGER.knowledgeBase().version();
    assertThat(TAGGER.tag("", "")).isEqualTo(new Tagging(List.of(), List.of(), version, LanguageCoverage.UNKNOWN));
    assertThat(TAGGER.tag(null, null)).isEqualTo(new Tagging(List.of(), List.of(), version, LanguageCoverage.UNKNOWN));
  }

  // Ambiguity traps: each wording once where it is the KB's entry, once where it is not.

  @Test
  void pillarTwoIsAukusOnlyWithAukusAndDefenceAroundAndNoTaxOrBanks() {
    String aukus = "AUKUS defence ministers said Japan would join Pillar Two projects on hypersonics and quantum technology.";
    assertThat(ids(TAGGER.tag("Japan and AUKUS", aukus).topics())).contains("topic:aukus-pillar-2").doesNotContain("topic:global-minimum-tax");
    String tax = "Japan will apply Pillar Two, the OECD global minimum tax of 15% on multinationals, from April.";
    Tagging taxTagging = TAGGER.tag("Japan and the minimum tax", tax);
    assertThat(ids(taxTagging.topics())).contains("topic:global-minimum-tax").doesNotContain("topic:aukus-pillar-2");
    // Partners alone are not enough: the U.S. and Britain signing up to the tax is not defence.
    assertThat(ids(TAGGER.tag("Tax", "The U.S. and Britain back Pillar Two of the global tax deal.").topics())).doesNotContain("topic:aukus-pillar-2");
    // AUKUS without defence vocabulary is not enough either.
    assertThat(ids(TAGGER.tag("AUKUS", "AUKUS members discussed Pillar Two.").topics())).doesNotContain("topic:aukus-pillar-2");
  }

  @Test
  void pillarTwoOfBankSupervisionIsBankCapitalRules() {
    String basel = "The ECB raised the Pillar 2 requirement for banks after its supervisory review; Basel rules set the floor.";
    Tagging tagging = TAGGER.tag("ECB capital demands", basel);
    assertThat(ids(tagging.topics())).contains("topic:bank-capital-rules").doesNotContain("topic:aukus-pillar-2", "topic:global-minimum-tax");
    assertThat(ids(tagging.actors())).contains("organisation:ecb");
  }

  @Test
  void secondPillarOfPensionsOrGrowthIsNotAukus() {
    Tagging pensions = TAGGER.tag("Swiss pensions", "Employers pay into the second pillar, the occupational pension fund, and the U.S. model differs.");
    assertThat(ids(pensions.topics())).contains("topic:pensions").doesNotContain("topic:aukus-pillar-2");
    Tagging growth = TAGGER.tag("Budget", "Security of supply is the second pillar of the US growth strategy, said the Treasury.");
    assertThat(ids(growth.topics())).doesNotContain("topic:aukus-pillar-2", "topic:pensions");
    Tagging aukus = TAGGER.tag("AUKUS", "Australia and Britain want Japan in the second pillar, on undersea drones and defence AI.");
    assertThat(ids(aukus.topics())).contains("topic:aukus-pillar-2");
  }

  @Test
  void georgiaIsTheCountryOnlyAwayFromTheUsState() {
    Tagging country = TAGGER.tag("Georgia protests", "Tens of thousands marched in Tbilisi as Georgia's ruling party turned from the EU to Russia.");
    assertThat(ids(country.actors())).contains("country:ge", "country:ru", "organisation:eu");
    Tagging state = TAGGER.tag("Georgia votes", "Early voting in Georgia broke records in Atlanta and Fulton County, the governor said.");
    assertThat(ids(state.actors())).doesNotContain("country:ge");
    Tagging bare = TAGGER.tag("Georgia", "Georgia beat Alabama 28-7 on Saturday.");
    assertThat(ids(bare.actors())).doesNotContain("country:ge");
    Tagging french = TAGGER.tag("Géorgie", "À Tbilissi, la Géorgie s'éloigne de l'Union européenne, dans le Caucase.");
    assertThat(ids(french.actors())).contains("country:ge", "organisation:eu");
  }

  @Test
  void jordanIsTheCountryOnlyInItsContextAndNotAPerson() {
    Tagging country = TAGGER.tag("Jordan", "Jordan closed its airspace as Israel and Iran traded strikes, officials in Amman said.");
    assertThat(ids(country.actors())).contains("country:jo", "country:il", "country:ir");
    Tagging bardella = TAGGER.tag("Bardella", "Jordan Bardella said the Rassemblement national would back the budget.");
    assertThat(ids(bardella.actors())).doesNotContain("country:jo");
    Tagging basketball = TAGGER.tag("Legends", "Michael Jordan and the Bulls won six titles.");
    assertThat(ids(basketball.actors())).doesNotContain("country:jo");
  }

  @Test
  void chadIsTheCountryOnlyInItsContext() {
    assertThat(ids(TAGGER.tag("Chad", "Chad asked French troops to leave, the junta in N'Djamena said.").actors())).contains("country:td", "country:fr");
    assertThat(ids(TAGGER.tag("Concert", "Chad Smith played drums for two hours.").actors())).doesNotContain("country:td");
    assertThat(ids(TAGGER.tag("Recount", "Officials examined every hanging chad in Florida.").actors())).doesNotContain("country:td");
  }

  @Test
  void turkeyIsTheCountryNotTheBird() {
    assertThat(ids(TAGGER.tag("Turkey and NATO", "Turkey approved Sweden's NATO bid, Ankara said.").actors())).contains("country:tr", "alliance:nato");
    assertThat(ids(TAGGER.tag("Thanksgiving", "Roast the turkey for three hours; Turkey recipes need a hot oven and gravy.").actors()))
        .doesNotContain("country:tr");
    assertThat(ids(TAGGER.tag("Türkiye", "La Turquie et la Türkiye ne font qu'un.").actors())).contains("country:tr");
  }

  @Test
  void chinaIsTheCountryNotThePorcelain() {
    assertThat(ids(TAGGER.tag("China warns Japan", "China said the move would raise tensions.").actors())).contains("country:cn");
    assertThat(ids(TAGGER.tag("Antiques", "Grandmother's fine china and bone China teacups sold well; the china cabinet did not.").actors()))
        .doesNotContain("country:cn");
  }

  @Test
  void usIsTheCountryOnlyInCapitals() {
    assertThat(ids(TAGGER.tag("US and Japan", "The US said it would help us.").actors())).contains("country:us");
    assertThat(ids(TAGGER.tag("Let us talk", "Tell us what you think, and join us.").actors())).doesNotContain("country:us");
    assertThat(ids(TAGGER.tag("JOIN US", "CONTACT US for details.").actors())).doesNotContain("country:us");
  }

  @Test
  void aCountryThatIsAlsoAPersonsNameIsNotTaggedWhereThePersonIs() {
    Tagging journalists = TAGGER.tag("Our analysts", "Our correspondents Chad Whitaker and Jordan Reyes covered the UN debate on Sudan "
        + "and Israel. Chad expects little; Jordan thinks the real business happens elsewhere.");
    assertThat(ids(journalists.actors())).contains("organisation:un", "country:sd").doesNotContain("country:td", "country:jo");
    Tagging debt = TAGGER.tag("Debt relief", "The IMF said Chad and Ethiopia could unlock new loans; Chad President Mahamat Déby welcomed it.");
    assertThat(ids(debt.actors())).contains("country:td", "country:et", "organisation:imf");
    Tagging actor = TAGGER.tag("Courtside", "Denzel Washington watched the Lakers win. Washington later told reporters it was the best game.");
    assertThat(ids(actor.actors())).doesNotContain("country:us");
    Tagging capital = TAGGER.tag("Talks", "In Washington, officials said talks with Beijing would resume.");
    assertThat(ids(capital.actors())).contains("country:us", "country:cn");
  }

  @Test
  void shortCapitalsMeanNothingInAShoutedHeadline() {
    assertThat(ids(TAGGER.tag("'THIS TITLE IS FOR ALL OF US': BOXER TAKES BELT", "He won the belt.").actors())).doesNotContain("country:us");
    assertThat(ids(TAGGER.tag("JAPAN AND US SIGN DEFENCE PACT", "Japan and the United States signed.").actors())).contains("country:jp", "country:us");
  }

  @Test
  void aWindowAroundAHeadlineMentionReachesIntoTheLead() {
    // Without the lead, the headline alone would be AUKUS's Pillar Two: a defence word and a partner, no tax.
    Tagging tagging = TAGGER.tag("Australia's budget banks on Pillar Two as defence costs climb", "The OECD global minimum tax will raise "
        + "revenue for the AUKUS submarine programme.");
    assertThat(ids(tagging.topics())).contains("topic:global-minimum-tax").doesNotContain("topic:aukus-pillar-2", "topic:bank-capital-rules");
  }

  @Test
  void aMentionInsideALongerOneCountsWhenTheLongerOneLinksToIt() {
    Tagging tagging = TAGGER.tag("Drills", "The Japan Self-Defense Forces trained with Filipino troops.");
    assertThat(ids(tagging.actors())).contains("organisation:jsdf", "country:jp", "country:ph");
    // Not without the link: Republic of China inside People's Republic of China is not Taiwan.
    assertThat(ids(TAGGER.tag("PRC", "The People's Republic of China said so.").actors())).containsExactly("country:cn");
  }

  @Test
  void seasAndMeetingsAreNotCountries() {
    assertThat(ids(TAGGER.tag("Patrols", "Ships patrolled the South China Sea.").actors())).doesNotContain("country:cn");
    assertThat(ids(TAGGER.tag("Agenda", "Lors de la réunion, les ministres ont parlé.").actors())).doesNotContain("country:re");
    assertThat(ids(TAGGER.tag("Cyclone", "La Réunion attend le cyclone.").actors())).contains("country:re");
  }

  @Test
  void frenchArticlesAreTagged() {
    Tagging tagging = TAGGER.tag("Le Japon et l'AUKUS", "Les États-Unis, le Royaume-Uni et l'Australie veulent associer le Japon au "
        + "deuxième pilier de l'AUKUS, consacré aux technologies de défense : intelligence artificielle, quantique et armes hypersoniques. "
        + "Pékin dénonce ; l'OTAN observe. Les Japonais et les Américaines s'interrogent.", "fr");
    assertThat(ids(tagging.actors())).contains("country:jp", "country:us", "country:gb", "country:au", "country:cn", "alliance:aukus", "alliance:nato");
    assertThat(ids(tagging.topics())).contains("topic:aukus-pillar-2", "topic:artificial-intelligence", "topic:hypersonic-weapons");
    assertThat(tagging.languageCoverage()).isEqualTo(LanguageCoverage.COVERED);
  }

  @Test
  void otherLanguagesAreTaggedWithWhatMatchesAndFlagged() {
    Tagging tagging = TAGGER.tag("Japan und AUKUS", "Japan will sich der AUKUS-Allianz anschließen, sagte die NATO.", "de-DE");
    assertThat(ids(tagging.actors())).contains("country:jp", "alliance:aukus", "alliance:nato");
    assertThat(tagging.languageCoverage()).isEqualTo(LanguageCoverage.NOT_COVERED);
    assertThat(TAGGER.tag("Japan", "Japan.", "en-GB").languageCoverage()).isEqualTo(LanguageCoverage.COVERED);
  }

  @Test
  void metonymsAndDemonymsTagTheirCountry() {
    Tagging tagging = TAGGER.tag("Tokyo, Canberra and London", "Japanese and Australian officials met; Japan's envoy and the "
        + "American side agreed with Britain and the UK, said Kishida.");
    assertThat(ids(tagging.actors())).contains("country:jp", "country:au", "country:gb", "country:us", "person:fumio-kishida");
    assertThat(tag(tagging.actors(), "country:jp").orElseThrow().mentions()).extracting(Mention::text)
        .containsExactly("Tokyo", "Japanese", "Japan's");
  }

  @Test
  void onlyTheMostSpecificTopicIsTaggedAndTheVersionIsReported() {
    Tagging tagging = TAGGER.tag("AUKUS Pillar II", "The AUKUS defence partners met on Pillar II.");
    assertThat(ids(tagging.topics())).containsExactly("topic:aukus-pillar-2");
    assertThat(tagging.knowledgeBaseVersion()).isEqualTo(TAGGER.knowledgeBase().version());
  }

  private static void assertMentionsPointIntoTheText(Tagging tagging, String title, String body) {
    Stream.concat(tagging.actors().stream(), tagging.topics().stream()).forEach(tag -> {
      assertThat(tag.mentions()).isNotEmpty().hasSizeLessThanOrEqualTo(Tagger.MAX_MENTIONS);
      assertThat(tag.mentionCount()).isGreaterThanOrEqualTo(tag.mentions().size());
      for (Mention m : tag.mentions()) {
        String text = m.field() == TextField.TITLE ? title : body;
        assertThat(text.substring(m.start(), m.end())).as("%s %s", tag.id(), m).isEqualTo(m.text());
      }
    });
  }

  private static List<String> ids(List<Tag> tags) {
    return tags.stream().map(Tag::id).toList();
  }

  private static Optional<Tag> tag(List<Tag> tags, String id) {
    return tags.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
