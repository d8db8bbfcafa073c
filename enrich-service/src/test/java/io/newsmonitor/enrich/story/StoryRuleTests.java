package io.newsmonitor.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When two articles are in reach of each other in time, dated or with an estimated (upper-bound) published time. */
class StoryRuleTests {

  private static final StoryRule RULE = new StoryRule(Duration.ofHours(72), 0.5, 0.5, 0.8, Map.of(), 4);
  private static final Instant T = Instant.parse("2026-11-30T00:00:00Z");

  @Test
  void twoDatedArticlesAreInReachWithinTheWindowOnly() {
    assertThat(inReach(T, false, T.plus(Duration.ofHours(72)), false)).isTrue();
    assertThat(inReach(T, false, T.plus(Duration.ofHours(73)), false)).isFalse();
    assertThat(inReach(T, false, T.minus(Duration.ofHours(73)), false)).isFalse();
  }

  @Test
  void aDatedArticleIsInReachOfAnEstimatedOneHoweverLongBeforeItButNotLongAfter() {
    assertThat(inReach(T, true, T.minus(Duration.ofDays(3 * 365)), false)).isTrue();
    assertThat(inReach(T, true, T.plus(Duration.ofHours(72)), false)).isTrue();
    assertThat(inReach(T, true, T.plus(Duration.ofHours(73)), false)).isFalse();
  }

  @Test
  void twoEstimatedArticlesAreInReachWithinTheWindowOfTheirIngestTimes() {
    assertThat(inReach(T, true, T.minus(Duration.ofHours(72)), true)).isTrue();
    assertThat(inReach(T, true, T.minus(Duration.ofHours(73)), true)).isFalse();
    assertThat(inReach(T, true, T.plus(Duration.ofHours(73)), true)).isFalse();
  }

  @Test
  void reachIsSymmetricSoArrivalOrderDoesNotChooseThePairs() {
    List<Instant> times = List.of(T.minus(Duration.ofDays(900)), T.minus(Duration.ofHours(73)), T.minus(Duration.ofHours(72)), T,
        T.plus(Duration.ofHours(71)), T.plus(Duration.ofHours(73)));
    for (Instant a : times) {
      for (Instant b : times) {
        for (boolean aEstimated : new boolean[] {false, true}) {
          for (boolean bEstimated : new boolean[] {false, true}) {
            assertThat(inReach(a, aEstimated, b, bEstimated)).as("%s %s / %s %s", a, aEstimated, b, bEstimated)
                .isEqualTo(inReach(b, bEstimated, a, aEstimated));
          }
        }
      }
    }
  }

  private static boolean inReach(Instant a, boolean aEstimated, Instant b, boolean bEstimated) {
    return RULE.reach(a, aEstimated).includes(b, bEstimated);
  }
}
