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
    assertThat(tagging.topics()).isEmpty();
    assertThat(ids(tagging.actors())).containsExactlyInAnyOrder("country:jp", "country:us");

    Tagging withAukus = TAGGER.tag(title, body + " Separately, the AUKUS partners met.");
    assertThat(ids(withAukus.topics())).containsExactlyInAnyOrder("topic:aukus-pillar-1", "topic:aukus-pillar-2");
  }

  @Test
  void theContextCanBeInTheTitleOrInsideTheTopicWording() {
    assertThat(ids(TAGGER.tag("AUKUS talks", "They discussed Pillar 2.").topics())).containsExactly("topic:aukus-pillar-2");
    Tagging tagging = TAGGER.tag("Talks", "Japan may join the second pillar of AUKUS.");
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
    String body = "Japan\u2019s\u00a0role in “Pillar\u00a0II” and in\nPillar\n  Two.";
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
    assertThat(TAGGER.tag("", "")).isEqualTo(new Tagging(List.of(), List.of()));
    assertThat(TAGGER.tag(null, null)).isEqualTo(new Tagging(List.of(), List.of()));
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
