package io.newsmonitor.enrich.story;

import java.time.Duration;

/**
 * When two articles report the same event: published within {@link #window()} of each other, and either near-duplicates
 * (a syndicated copy, a lightly edited one) or about the same actors and topics (a rewrite by another outlet), on enough
 * shared tags that the likeness is not a coincidence of two thinly tagged articles.
 *
 * @param window how far apart the published times of two articles of one story may be
 * @param nearDuplicate text similarity from which two articles are copies of one another, whatever their tags
 * @param sameTags tag similarity from which two articles report the same event, whatever their wording
 * @param minSharedTags the least shared tag weight for {@code sameTags} to count
 * @param countryWeight what a country's salience counts for, against 1 for every other tag
 * @param salientTags how many of an article's heaviest tags make its tag-pair keys
 */
public record StoryRule(Duration window, double nearDuplicate, double sameTags, double minSharedTags, double countryWeight, int salientTags) {

  public StoryRule {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative: " + window);
    }
    requireShare("nearDuplicate", nearDuplicate);
    requireShare("sameTags", sameTags);
    requireShare("countryWeight", countryWeight);
    if (!(minSharedTags >= 0)) {
      throw new IllegalArgumentException("minSharedTags must not be negative, was " + minSharedTags);
    }
    if (salientTags < 2) {
      throw new IllegalArgumentException("salientTags must be at least 2 to make a pair, was " + salientTags);
    }
  }

  /** Whether two articles already within the window report the same event. */
  public boolean sameStory(Similarity similarity) {
    return strength(similarity) >= 1;
  }

  /** How far past the nearer threshold a pair is, to pick the best of several candidates: 1 at a threshold. */
  public double strength(Similarity similarity) {
    double byTags = similarity.sharedTags() >= minSharedTags ? similarity.tags() / sameTags : 0;
    return Math.max(similarity.text() / nearDuplicate, byTags);
  }

  private static void requireShare(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
    }
  }
}
