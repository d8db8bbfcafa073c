package io.newsmonitor.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsmonitor.events.Tag;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tag profiles, tag-pair keys and the story rule: no infrastructure. */
class TagProfileTests {

  private static final StoryRule RULE = new StoryRule(Duration.ofHours(72), 0.5, 0.35, 0.8, 0.25, 4);

  @Test
  void countriesWeighLessThanOtherTags() {
    TagProfile profile = TagProfile.of(List.of(tag("country:jp", "country", 0.8), tag("alliance:aukus", "alliance", 0.8)), 0.25);
    assertThat(profile.weights()).containsEntry("country:jp", 0.2).containsEntry("alliance:aukus", 0.8);
  }

  @Test
  void similarityIsTheWeightedJaccardOfTheTags() {
    TagProfile a = TagProfile.of(new String[] {"alliance:aukus", "person:kurt-campbell"}, new double[] {0.8, 0.4});
    TagProfile b = TagProfile.of(new String[] {"alliance:aukus", "topic:aukus-pillar-2"}, new double[] {0.6, 0.5});
    // min: aukus 0.6; max: aukus 0.8 + campbell 0.4 + pillar 0.5.
    assertThat(a.similarity(b)).isCloseTo(0.6 / 1.7, within(1e-9)).isEqualTo(b.similarity(a));
    assertThat(a.sharedWeight(b)).isCloseTo(0.6, within(1e-9)).isEqualTo(b.sharedWeight(a));
    assertThat(a.similarity(a)).isEqualTo(1.0);
    assertThat(a.similarity(TagProfile.of(new String[0], new double[0]))).isZero();
  }

  @Test
  void aStoredProfileComesBackEqual() {
    TagProfile profile = TagProfile.of(List.of(tag("country:us", "country", 0.9), tag("topic:space", "topic", 0.3)), 0.25);
    assertThat(TagProfile.of(profile.ids(), profile.weightValues())).isEqualTo(profile);
  }

  @Test
  void pairKeysComeFromTheHeaviestTagsWhateverTheirOrder() {
    TagProfile a = TagProfile.of(new String[] {"a", "b", "c", "d", "e"}, new double[] {0.9, 0.8, 0.7, 0.6, 0.1});
    TagProfile sameTopFour = TagProfile.of(new String[] {"d", "c", "b", "a", "z"}, new double[] {0.9, 0.8, 0.7, 0.6, 0.5});
    assertThat(a.pairKeys(4)).hasSize(6).containsExactlyInAnyOrder(sameTopFour.pairKeys(4));
    TagProfile oneShared = TagProfile.of(new String[] {"a", "x", "y", "z"}, new double[] {0.9, 0.8, 0.7, 0.6});
    assertThat(Arrays.stream(a.pairKeys(4)).boxed()).doesNotContainAnyElementsOf(Arrays.stream(oneShared.pairKeys(4)).boxed().toList());
    assertThat(TagProfile.of(new String[] {"a"}, new double[] {1}).pairKeys(4)).isEmpty();
  }

  @Test
  void theRuleTakesEitherSignalFromItsThreshold() {
    assertThat(RULE.sameStory(new Similarity(0.5, 0, 0))).isTrue();
    assertThat(RULE.sameStory(new Similarity(0.02, 0.35, 0.8))).isTrue();
    assertThat(RULE.sameStory(new Similarity(0.49, 0.34, 2))).isFalse();
    assertThat(RULE.strength(new Similarity(0.9, 0.4, 1))).isGreaterThan(RULE.strength(new Similarity(0.5, 0.4, 1)));
  }

  @Test
  void twoThinlyTaggedArticlesAreNotOneStoryHoweverAlikeTheirTags() {
    // A missile test and an Olympic ruling, each naming Russia and Ukraine in passing.
    TagProfile missile = TagProfile.of(List.of(tag("country:ru", "country", 0.92), tag("country:ua", "country", 0.36)), 0.25);
    TagProfile olympics = TagProfile.of(List.of(tag("country:ru", "country", 0.96), tag("country:ua", "country", 0.28)), 0.25);
    assertThat(missile.similarity(olympics)).isGreaterThan(0.9);
    assertThat(missile.sharedWeight(olympics)).isCloseTo(0.23 + 0.07, within(1e-9));
    assertThat(RULE.sameStory(new Similarity(0, missile.similarity(olympics), missile.sharedWeight(olympics)))).isFalse();
  }

  private static Tag tag(String id, String type, double salience) {
    return new Tag(id, id, type, 1, salience, List.of());
  }
}
