package io.newsmonitor.enrich.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How articles are grouped into stories: {@code news.stories.*}, documented with the measured figures in application.properties. */
@ConfigMapping(prefix = "news.stories")
public interface StoryConfig {

  /** How far apart the published times of two articles of one story may be ({@code NEWS_STORIES_WINDOW}). */
  Duration window();

  /** Shingle similarity from which two articles are copies of each other ({@code NEWS_STORIES_NEAR_DUPLICATE}). */
  double nearDuplicate();

  /** Tag similarity from which two articles report the same event ({@code NEWS_STORIES_SAME_TAGS}). */
  double sameTags();

  /** The least tag weight two articles must share for {@link #sameTags()} to count ({@code NEWS_STORIES_MIN_SHARED_TAGS}). */
  double minSharedTags();

  /** Weight of the salience of a tag of each type in the tag similarity, 1 for types not listed ({@code news.stories.type-weights.<type>}). */
  Map<String, Double> typeWeights();

  /** How many of an article's heaviest tags make its tag-pair keys ({@code NEWS_STORIES_SALIENT_TAGS}). */
  int salientTags();

  /**
   * How many articles each LSH key contributes as candidates, those published nearest the new article first
   * ({@code NEWS_STORIES_CANDIDATES_PER_KEY}): a busy story's keys are shared by hundreds of articles, and its nearest few
   * speak for it.
   */
  @WithDefault("10")
  int candidatesPerKey();

  /** The rule these settings make. */
  default StoryRule rule() {
    return new StoryRule(window(), nearDuplicate(), sameTags(), minSharedTags(), typeWeights(), salientTags());
  }
}
