package io.newsmonitor.enrich.story;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * When two articles report the same event: published within {@link #window()} of each other, and either near-duplicates
 * (a syndicated copy, a lightly edited one) or about the same actors and topics (a rewrite by another outlet), on enough
 * shared tags that the likeness is not a coincidence of two thinly tagged articles.
 *
 * <p>An article without a date is published, as far as anyone knows, when it was ingested: that time is only an upper
 * bound (the article appeared then or before), so the window never excludes a pair on that side's lower bound (see
 * {@link #reach(Instant, boolean)}).
 *
 * @param window how far apart the published times of two articles of one story may be
 * @param nearDuplicate text similarity from which two articles are copies of one another, whatever their tags
 * @param sameTags tag similarity from which two articles report the same event, whatever their wording
 * @param minSharedTags the least shared tag weight for {@code sameTags} to count; and never fewer than
 *     {@link #MIN_SHARED_TAG_COUNT} tags in common
 * @param typeWeights what the salience of a tag of each type counts for (country, organisation, place …); 1 for the others
 * @param salientTags how many of an article's heaviest tags make its tag-pair keys
 */
public record StoryRule(Duration window, double nearDuplicate, double sameTags, double minSharedTags, Map<String, Double> typeWeights, int salientTags) {

  /** One shared tag is a theme ("elections", "artificial intelligence"), not an event. */
  public static final int MIN_SHARED_TAG_COUNT = 2;

  public StoryRule {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative: " + window);
    }
    requireShare("nearDuplicate", nearDuplicate);
    requireShare("sameTags", sameTags);
    if (!(minSharedTags >= 0)) {
      throw new IllegalArgumentException("minSharedTags must not be negative, was " + minSharedTags);
    }
    typeWeights.forEach((type, weight) -> requireShare("typeWeights." + type, weight));
    typeWeights = Map.copyOf(typeWeights);
    if (salientTags < 2) {
      throw new IllegalArgumentException("salientTags must be at least 2 to make a pair, was " + salientTags);
    }
  }

  /**
   * The articles an article published at {@code published} may share a story with, as far as time goes. Two dated articles:
   * at most the window apart. A dated and an estimated one: the dated one published no later than the estimated time plus
   * the window, however long before (the estimated one may have appeared at any time up to it). Two estimated ones: at most
   * the window apart, both bounds being the times they were ingested. The relation is symmetric, so the order in which
   * articles arrive does not change which pairs are compared.
   */
  public Reach reach(Instant published, boolean estimated) {
    Instant latest = published.plus(window);
    Instant earliest = published.minus(window);
    return estimated ? new Reach(Instant.MIN, latest, earliest, latest) : new Reach(earliest, latest, earliest, Instant.MAX);
  }

  /** Whether two articles already within the window report the same event. */
  public boolean sameStory(Similarity similarity) {
    return strength(similarity) >= 1;
  }

  /** How far past the nearer threshold a pair is, to pick the best of several candidates: 1 at a threshold. */
  public double strength(Similarity similarity) {
    boolean enoughShared = similarity.sharedTags() >= minSharedTags && similarity.sharedTagCount() >= MIN_SHARED_TAG_COUNT;
    return Math.max(similarity.text() / nearDuplicate, enoughShared ? similarity.tags() / sameTags : 0);
  }

  private static void requireShare(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
    }
  }
}
