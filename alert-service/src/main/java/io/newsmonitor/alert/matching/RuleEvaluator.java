package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.AlertRaised.Snippet;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Evaluates a {@link ResolvedRule} against an enriched article. A term that names a knowledge-base entry matches when the
 * article carries a tag with that id among its actors or topics (its evidence: the tag's first mentions); a text term
 * matches the words of its phrase, whole and in any case, in the title or body.
 *
 * <p>Pure and thread-safe.
 */
public final class RuleEvaluator {

  /** Evidence kept per term: enough to explain an alert, few enough to read. */
  static final int MAX_SNIPPETS = 3;

  private RuleEvaluator() {
  }

  /** Whether {@code rule} matches {@code article}, and why. */
  public static Evaluation evaluate(ResolvedRule rule, ArticleEnriched article) {
    List<TermMatch> matches = new ArrayList<>();
    boolean matched = evaluate(rule.rule(), rule, article, matches);
    return new Evaluation(matched, matches);
  }

  private static boolean evaluate(Rule node, ResolvedRule rule, ArticleEnriched article, List<TermMatch> matches) {
    return switch (node) {
      case Rule.Term term -> {
        Optional<TermMatch> match = match(term, rule.resolutionOf(term), article);
        match.ifPresent(matches::add);
        yield match.isPresent();
      }
      case Rule.And and -> {
        // Every operand is evaluated, even after a miss, so that a preview can show which parts matched.
        boolean all = true;
        for (Rule operand : and.operands()) {
          all &= evaluate(operand, rule, article, matches);
        }
        yield all;
      }
    };
  }

  private static Optional<TermMatch> match(Rule.Term term, Resolution resolution, ArticleEnriched article) {
    return switch (resolution) {
      case Resolution.Entity entity -> tag(article, entity.id())
          .map(tag -> new TermMatch(term, resolution, mentionSnippets(tag, article)));
      case Resolution.Text text -> {
        List<Snippet> snippets = textSnippets(text.phrase(), article);
        yield snippets.isEmpty() ? Optional.empty() : Optional.of(new TermMatch(term, resolution, snippets));
      }
    };
  }

  private static Optional<Tag> tag(ArticleEnriched article, String id) {
    return Stream.concat(article.actors().stream(), article.topics().stream())
        .filter(tag -> tag.id().equals(id))
        .findFirst();
  }

  private static List<Snippet> mentionSnippets(Tag tag, ArticleEnriched article) {
    List<Snippet> snippets = new ArrayList<>();
    for (Mention mention : tag.mentions()) {
      if (snippets.size() == MAX_SNIPPETS) {
        break;
      }
      Snippets.around(mention.field(), textOf(article, mention.field()), mention.start(), mention.end()).ifPresent(snippets::add);
    }
    return snippets;
  }

  private static List<Snippet> textSnippets(String phrase, ArticleEnriched article) {
    TextSearch search = new TextSearch(phrase);
    List<Snippet> snippets = new ArrayList<>();
    for (TextField field : TextField.values()) {
      String text = textOf(article, field);
      for (TextSearch.Span span : search.find(text, MAX_SNIPPETS - snippets.size())) {
        Snippets.around(field, text, span.start(), span.end()).ifPresent(snippets::add);
      }
    }
    return snippets;
  }

  private static String textOf(ArticleEnriched article, TextField field) {
    return switch (field) {
      case TITLE -> article.article().title();
      case BODY -> article.article().body();
    };
  }
}
