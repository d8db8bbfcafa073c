package io.newsmonitor.alert.delivery;

import io.newsmonitor.events.AlertRaised;
import io.quarkus.qute.TemplateData;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An alert as the e-mail templates show it: what the webhook payload carries, with each snippet cut at its highlight so
 * that the templates only place the pieces.
 */
@TemplateData
public record AlertEmail(String subject, String subscriptionName, String rule, String title, String source, String published, String url,
    List<ReasonLines> reasons) {

  private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

  /** One part of the rule that matched, with where. */
  @TemplateData
  public record ReasonLines(String term, String matchedAs, List<SnippetLine> snippets) {
  }

  /** An excerpt of title or body: the matching words, and the text either side. */
  @TemplateData
  public record SnippetLine(String field, String before, String highlight, String after) {

    static SnippetLine of(AlertRaised.Snippet snippet) {
      String text = snippet.text();
      int start = Math.clamp(snippet.highlightStart(), 0, text.length());
      int end = Math.clamp(snippet.highlightEnd(), start, text.length());
      return new SnippetLine(snippet.field().name().toLowerCase(Locale.ROOT), text.substring(0, start), text.substring(start, end),
          text.substring(end));
    }
  }

  public static AlertEmail of(AlertRaised alert) {
    AlertRaised.Article article = alert.article();
    String name = alert.subscriptionName() == null ? alert.subscriptionId() : alert.subscriptionName();
    // A header is one line: a title with a line break would end the Subject and start a header of its own.
    String subject = oneLine("[News monitor] " + name + ": " + article.title());
    List<ReasonLines> reasons = alert.reasons().stream()
        .map(reason -> new ReasonLines(reason.term(), reason.matchedAs(), reason.snippets().stream().map(SnippetLine::of).toList()))
        .toList();
    return new AlertEmail(subject, name, alert.rule(), article.title(), article.sourceName() == null ? "unknown source" : article.sourceName(),
        article.published() == null ? "unknown" : PUBLISHED.format(article.published()), article.url(), reasons);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
