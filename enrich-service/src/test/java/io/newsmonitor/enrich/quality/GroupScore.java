package io.newsmonitor.enrich.quality;

import java.util.Set;

/**
 * Micro-averaged precision, recall and F1 of one group of tags over a whole evaluation set: every expected or found id counts once per
 * article, so articles with many actors weigh more than articles with few.
 *
 * <p>With nothing found, precision is 1 (no wrong tag); with nothing expected, recall is 1 (nothing missed).
 */
final class GroupScore {

  private int truePositives;
  private int falsePositives;
  private int falseNegatives;

  /** Adds one article's expected and found ids of this group. */
  void count(Set<String> expected, Set<String> found) {
    for (String id : found) {
      if (expected.contains(id)) {
        truePositives++;
      } else {
        falsePositives++;
      }
    }
    falseNegatives += (int) expected.stream().filter(id -> !found.contains(id)).count();
  }

  int truePositives() {
    return truePositives;
  }

  int falsePositives() {
    return falsePositives;
  }

  int falseNegatives() {
    return falseNegatives;
  }

  double precision() {
    int found = truePositives + falsePositives;
    return found == 0 ? 1.0 : (double) truePositives / found;
  }

  double recall() {
    int expected = truePositives + falseNegatives;
    return expected == 0 ? 1.0 : (double) truePositives / expected;
  }

  double f1() {
    double precision = precision();
    double recall = recall();
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }
}
