package io.newsmonitor.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the knowledge base comes from: {@code news.knowledge-base.*}. The prefix is this narrow on purpose: a mapping owns
 * every property under its prefix, and {@code news.*} also holds the topic names and the test infrastructure's settings.
 */
@ConfigMapping(prefix = "news.knowledge-base")
public interface EnrichConfig {

  /**
   * A knowledge-base file to use instead of the one shipped in the {@code knowledge-base} module, so that an entity or a
   * wording can be added without a release ({@code NEWS_KNOWLEDGE_BASE_FILE}). It is watched: a change is loaded without a
   * restart. Default: none, the shipped one.
   */
  Optional<Path> file();

  /** How often the {@link #file()} is checked for a change (its modification time and size). Default: 5 seconds. */
  @WithDefault("5s")
  Duration pollInterval();
}
