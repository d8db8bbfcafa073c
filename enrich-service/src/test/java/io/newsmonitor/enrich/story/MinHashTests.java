package io.newsmonitor.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pure MinHash and shingling: no infrastructure. */
class MinHashTests {

  @Test
  void shinglesIgnoreCaseAccentsPunctuationAndLineBreaks() {
    assertThat(Shingles.of("Japan’s “Pillar II” role", "Tokyo—and Canberra."))
        .isEqualTo(Shingles.of("JAPAN'S pillar ii ROLE", "tokyo\n\nand   canberra"))
        .containsExactly("japan s pillar", "s pillar ii", "pillar ii role", "ii role tokyo", "role tokyo and", "tokyo and canberra");
    assertThat(Shingles.of("Café", "déjà vu")).containsExactly("cafe deja vu");
  }

  @Test
  void aTextShorterThanAShingleIsOneAndNoWordsIsNone() {
    assertThat(Shingles.of("Breaking", "")).containsExactly("breaking");
    assertThat(Shingles.of("", " — ")).isEmpty();
  }

  @Test
  void equalSetsHaveEqualSignaturesAndSimilarityOne() {
    MinHash a = MinHash.of(Shingles.of("Title", "one two three four five six"));
    MinHash b = MinHash.of(Shingles.of("title", "One, two; three four five six."));
    assertThat(a).isEqualTo(b);
    assertThat(a.similarity(b)).isEqualTo(1.0);
    assertThat(a.bandKeys()).containsExactly(b.bandKeys()).hasSize(MinHash.BANDS);
  }

  @Test
  void estimatesTheJaccardSimilarityOfTheSets() {
    // 1000 shared elements and 500 own to each side: J = 1000 / 2000 = 0.5.
    for (double expected : List.of(0.5, 0.2, 0.8)) {
      int shared = (int) Math.round(2000 * expected);
      int own = (2000 - shared) / 2;
      Set<String> a = elements("shared", shared);
      Set<String> b = new HashSet<>(a);
      a.addAll(elements("a", own));
      b.addAll(elements("b", own));
      // Three standard errors of a 128-value estimate.
      assertThat(MinHash.of(a).similarity(MinHash.of(b))).isCloseTo(expected, within(3 * Math.sqrt(expected * (1 - expected) / MinHash.SIZE)));
    }
  }

  @Test
  void disjointSetsAreDissimilarAndShareNoBand() {
    MinHash a = MinHash.of(elements("a", 500));
    MinHash b = MinHash.of(elements("b", 500));
    assertThat(a.similarity(b)).isLessThan(0.05);
    assertThat(boxed(a.bandKeys())).doesNotContainAnyElementsOf(boxed(b.bandKeys()));
  }

  @Test
  void nearDuplicatesShareBandsAndLooselyRelatedTextsRarelyDo() {
    int nearDuplicatesMeeting = 0;
    int looselyRelatedMeeting = 0;
    for (int trial = 0; trial < 50; trial++) {
      Set<String> base = elements("t" + trial, 300);
      // J = 0.8: a copy with a different boilerplate. J ~ 0.2: the same event told in other words.
      nearDuplicatesMeeting += shareABand(base, withReplaced(base, "copy" + trial, 33)) ? 1 : 0;
      looselyRelatedMeeting += shareABand(base, withReplaced(base, "rewrite" + trial, 200)) ? 1 : 0;
    }
    // 1 - (1 - J^4)^32: 1.0 at J = 0.8 and 0.05 at J = 0.2.
    assertThat(nearDuplicatesMeeting).isEqualTo(50);
    assertThat(looselyRelatedMeeting).isLessThanOrEqualTo(10);
  }

  @Test
  void anEmptyTextIsSimilarToNothingAndHasNoKeys() {
    MinHash empty = MinHash.of(Set.of());
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.similarity(empty)).isZero();
    assertThat(empty.bandKeys()).isEmpty();
  }

  @Test
  void aStoredSignatureComesBackEqual() {
    MinHash signature = MinHash.of(elements("x", 50));
    assertThat(MinHash.ofValues(signature.values())).isEqualTo(signature);
    assertThat(MinHash.ofValues(new int[0]).isEmpty()).isTrue();
    assertThatThrownBy(() -> MinHash.ofValues(new int[3])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signaturesAreTheSameInEveryRunAndInstance() {
    // Stored signatures and keys are compared with new ones: the hash functions must never change.
    MinHash signature = MinHash.of(Set.of("japan aukus pillar"));
    assertThat(signature.values()).hasSize(MinHash.SIZE).startsWith(-1112564801, 985554703, -1555461763);
    assertThat(signature.bandKeys()).startsWith(923674594475304004L, -2497441609754980883L);
  }

  private static boolean shareABand(Set<String> a, Set<String> b) {
    return !Collections.disjoint(boxed(MinHash.of(a).bandKeys()), boxed(MinHash.of(b).bandKeys()));
  }

  /** {@code base} with {@code replaced} of its elements swapped for new ones. */
  private static Set<String> withReplaced(Set<String> base, String prefix, int replaced) {
    Set<String> result = new HashSet<>(base.stream().skip(replaced).toList());
    result.addAll(elements(prefix, replaced));
    return result;
  }

  private static Set<String> elements(String prefix, int count) {
    Set<String> set = new HashSet<>();
    IntStream.range(0, count).forEach(i -> set.add(prefix + "-" + i));
    return set;
  }

  private static List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
