package io.newsmonitor.alert.console;

import io.newsmonitor.events.AlertRaised;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/**
 * A snippet as the pages show it: the text around the highlight, and the highlight, each escaped by the template, so that the
 * page marks the matched words without trusting the article's text as HTML.
 */
@TemplateExtension
final class SnippetExtensions {

  private SnippetExtensions() {
  }

  static String before(AlertRaised.Snippet snippet) {
    return snippet.text().substring(0, start(snippet));
  }

  static String highlighted(AlertRaised.Snippet snippet) {
    return snippet.text().substring(start(snippet), end(snippet));
  }

  static String after(AlertRaised.Snippet snippet) {
    return snippet.text().substring(end(snippet));
  }

  /** {@code title} or {@code body}. */
  static String where(AlertRaised.Snippet snippet) {
    return snippet.field().name().toLowerCase(Locale.ROOT);
  }

  private static int start(AlertRaised.Snippet snippet) {
    return Math.clamp(snippet.highlightStart(), 0, snippet.text().length());
  }

  private static int end(AlertRaised.Snippet snippet) {
    return Math.clamp(snippet.highlightEnd(), start(snippet), snippet.text().length());
  }
}
