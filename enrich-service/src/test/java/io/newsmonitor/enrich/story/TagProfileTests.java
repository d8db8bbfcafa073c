package io.newsmonitor.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsmonitor.events.Tag;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tag profiles, tag-pair keys and the story rule: no infrastructure. */
class TagProfileTests {

  private static final StoryRule RULE = new StoryRule(Duration.ofHours(72), 0.5, 0.5, 0.8, Map.of("country", 0.25), 4);

  @Test
  void countriesWeighLessThanOtherTags() {
    TagProfile profile = TagProfile.of(List.of(tag("country:jp", "country", 0.8), tag("alliance:aukus", "alliance", 0.8),
        tag("organisation:reuters", "organisation", 0.8)), Map.of("country", 0.25, "organisation", 0.5));
    assertThat(profile.weights()).containsEntry("country:jp", 0.2).containsEntry("alliance:aukus", 0.8).containsEntry("organisation:reuters", 0.4);
  }

  @Test
  void similarityIsTheCosineOfTheWeights() {
    TagProfile a = TagProfile.of(new String[] {"alliance:aukus", "person:kurt-campbell"}, new double[] {0.8, 0.4});
    TagProfile b = TagProfile.of(new String[] {"alliance:aukus", "topic:aukus-pillar-2"}, new double[] {0.6, 0.5});
    assertThat(a.similarity(b)).isCloseTo(0.8 * 0.6 / (Math.sqrt(0.8 * 0.8 + 0.4 * 0.4) * Math.sqrt(0.6 * 0.6 + 0.5 * 0.5)), within(1e-9))
        .isCloseTo(b.similarity(a), within(1e-12));
    assertThat(a.sharedWeight(b)).isCloseTo(0.6, within(1e-9)).isEqualTo(b.sharedWeight(a));
    assertThat(a.sharedCount(b)).isEqualTo(1);
    assertThat(a.similarity(a)).isEqualTo(1.0);
    assertThat(a.similarity(TagProfile.of(new String[0], new double[0]))).isZero();
  }

  @Test
  void aStoredProfileComesBackEqual() {
    TagProfile profile = TagProfile.of(List.of(tag("country:us", "country", 0.9), tag("topic:space", "topic", 0.3)), Map.of("country", 0.25));
    assertThat(TagProfile.of(profile.ids(), profile.weightValues())).isEqualTo(profile);
  }

  @Test
  void keysAreTheHeaviestTagsOtherThanCountriesAndThePairsOfTheSalientOnes() {
    TagProfile announcement = TagProfile.of(new String[] {"alliance:aukus", "topic:aukus-pillar-2", "country:jp", "person:kurt-campbell", "place:asia"},
        new double[] {0.9, 0.3, 0.25, 0.2, 0.05});
    // aukus and pillar-2 alone (Japan is a country), and the 6 pairs of the 4 heaviest.
    assertThat(announcement.keys(4)).hasSize(2 + 6).doesNotHaveDuplicates();

    TagProfile otherWording = TagProfile.of(new String[] {"person:kurt-campbell", "country:jp", "topic:aukus-pillar-2", "alliance:aukus"},
        new double[] {0.9, 0.8, 0.7, 0.6});
    // The same 4 heaviest in another order: the 6 pairs, and pillar-2 alone.
    assertThat(boxed(otherWording.keys(4))).filteredOn(boxed(announcement.keys(4))::contains).hasSize(6 + 1);
    TagProfile sameSubjectOnly = TagProfile.of(new String[] {"alliance:aukus", "person:x", "person:y", "person:z"}, new double[] {0.9, 0.8, 0.7, 0.6});
    assertThat(boxed(sameSubjectOnly.keys(4))).filteredOn(boxed(announcement.keys(4))::contains).hasSize(1);

    TagProfile countriesOnly = TagProfile.of(new String[] {"country:us", "country:jp"}, new double[] {0.25, 0.24});
    assertThat(countriesOnly.keys(4)).hasSize(1);
    assertThat(TagProfile.of(new String[0], new double[0]).keys(4)).isEmpty();
  }

  @Test
  void theRuleTakesEitherSignalFromItsThreshold() {
    assertThat(RULE.sameStory(new Similarity(0.5, 0, 0, 0))).isTrue();
    assertThat(RULE.sameStory(new Similarity(0.02, 0.5, 0.8, 2))).isTrue();
    assertThat(RULE.sameStory(new Similarity(0.49, 0.49, 2, 5))).isFalse();
    assertThat(RULE.strength(new Similarity(0.9, 0.6, 1, 3))).isGreaterThan(RULE.strength(new Similarity(0.5, 0.6, 1, 3)));
  }

  @Test
  void twoThinlyTaggedArticlesAreNotOneStoryHoweverAlikeTheirTags() {
    // A missile test and an Olympic ruling, each naming Russia and Ukraine in passing.
    TagProfile missile = TagProfile.of(List.of(tag("country:ru", "country", 0.92), tag("country:ua", "country", 0.36)), Map.of("country", 0.25));
    TagProfile olympics = TagProfile.of(List.of(tag("country:ru", "country", 0.96), tag("country:ua", "country", 0.28)), Map.of("country", 0.25));
    assertThat(missile.similarity(olympics)).isGreaterThan(0.9);
    assertThat(missile.sharedWeight(olympics)).isCloseTo(0.23 + 0.07, within(1e-9));
    assertThat(RULE.sameStory(similarity(missile, olympics))).isFalse();
  }

  @Test
  void oneSharedTopicIsATheme() {
    // A disputed election in Georgia and a Swiss pension referendum.
    TagProfile georgia = TagProfile.of(new String[] {"country:ge", "organisation:eu", "topic:elections"}, new double[] {0.24, 0.38, 0.95});
    TagProfile switzerland = TagProfile.of(new String[] {"country:ch", "topic:pensions", "topic:elections"}, new double[] {0.24, 0.98, 0.96});
    assertThat(georgia.similarity(switzerland)).isGreaterThan(0.5);
    assertThat(georgia.sharedWeight(switzerland)).isGreaterThan(0.8);
    assertThat(RULE.sameStory(similarity(georgia, switzerland))).isFalse();
  }

  private static Similarity similarity(TagProfile a, TagProfile b) {
    return new Similarity(0, a.similarity(b), a.sharedWeight(b), a.sharedCount(b));
  }

  private static List<Long> boxed(long[] keys) {
    return Arrays.stream(keys).boxed().toList();
  }

  private static Tag tag(String id, String type, double salience) {
    return new Tag(id, id, type, 1, salience, List.of());
  }
}
