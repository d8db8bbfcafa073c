package io.newsmonitor.enrich.story;

import io.quarkus.runtime.configuration.DurationConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** The {@link StoryRule} of application.properties, for tests that check the configured thresholds without starting Quarkus. */
final class ConfiguredRule {

  private ConfiguredRule() {
  }

  static StoryRule load() {
    Properties properties = new Properties();
    try (InputStream in = ConfiguredRule.class.getResourceAsStream("/application.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StoryRule(
        DurationConverter.parseDuration(properties.getProperty("news.stories.window")),
        Double.parseDouble(properties.getProperty("news.stories.near-duplicate")),
        Double.parseDouble(properties.getProperty("news.stories.same-tags")),
        Double.parseDouble(properties.getProperty("news.stories.min-shared-tags")),
        typeWeights(properties),
        Integer.parseInt(properties.getProperty("news.stories.salient-tags")));
  }

  private static Map<String, Double> typeWeights(Properties properties) {
    String prefix = "news.stories.type-weights.";
    return properties.stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
        .collect(Collectors.toMap(name -> name.substring(prefix.length()), name -> Double.parseDouble(properties.getProperty(name))));
  }
}
