package io.newsmonitor.alert.preview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Stored articles and rule previews ({@code alert.articles.*}). */
@ConfigMapping(prefix = "alert.articles")
public interface ArticlesConfig {

  /** How long an article is kept for previews, from its published time; 30 days by default. */
  @WithDefault("30d")
  Duration retention();

  /** How often the articles past retention are deleted, as {@code @Scheduled(every)} reads it; 1h by default. */
  @WithDefault("1h")
  String purgeEvery();

  /** Candidates a preview fetches from PostgreSQL at a time, newest first; 200 by default. */
  @WithDefault("200")
  int previewFetchSize();

  /**
   * How long a preview may evaluate candidates before it answers with what it found so far (flagged {@code timedOut}): a
   * rule the indexes cannot narrow, such as a proximity of words every article has, would otherwise read the whole window.
   */
  @WithDefault("1s")
  Duration previewTimeBudget();
}
