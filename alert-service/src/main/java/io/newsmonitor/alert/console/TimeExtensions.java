package io.newsmonitor.alert.console;

import io.newsmonitor.events.AlertRaised;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;

/** Times as the pages show them to people; the machine-readable instant goes in the time element's datetime. */
@TemplateExtension
final class TimeExtensions {

  private TimeExtensions() {
  }

  static String shown(Instant instant) {
    return Console.when(instant);
  }

  /** When the article was published; empty when its source did not say. */
  static String publishedText(AlertRaised.Article article) {
    return article.published() == null ? "" : Console.when(article.published().toInstant());
  }

  /** ISO-8601, for the time element's datetime; empty when the source did not say. */
  static String publishedAt(AlertRaised.Article article) {
    return article.published() == null ? "" : article.published().toInstant().toString();
  }
}
