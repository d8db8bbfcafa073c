package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.AlertRaised.Snippet;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import io.newsmonitor.events.SourceRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Evaluates a {@link ResolvedRule} against an enriched article. A leaf that names a knowledge-base entry matches when the
 * article carries a tag with that id among its actors or topics (its evidence: the tag's first mentions); a text leaf
 * matches its words, whole and in any case, in the title or body; {@code source:} and {@code lang:} look at the
 * article's source and language.
 *
 * <p>Every operand is evaluated, even after the outcome is known, so that a preview can show which parts matched and
 * which failed. Pure and thread-safe.
 */
public final class RuleEvaluator {

  /** Evidence kept per leaf: enough to explain an alert, few enough to read. */
  static final int MAX_SNIPPETS = 3;

  private RuleEvaluator() {
  }

  /** Whether {@code rule} matches {@code article}, and why. */
  public static Evaluation evaluate(ResolvedRule rule, ArticleEnriched article) {
    Explanation explanation = new Explanation();
    boolean matched = evaluate(rule.rule(), rule, article, explanation);
    return new Evaluation(matched, explanation.matches, matched ? List.of() : explanation.failed);
  }

  private static boolean evaluate(Rule node, ResolvedRule rule, ArticleEnriched article, Explanation into) {
    return switch (node) {
      case Rule.Leaf leaf -> {
        Optional<TermMatch> match = match(leaf, rule.resolutionOf(leaf), article);
        match.ifPresentOrElse(into.matches::add, () -> into.failed.add(leaf.display()));
        yield match.isPresent();
      }
      case Rule.And and -> {
        boolean all = true;
        for (Rule operand : and.operands()) {
          all &= evaluate(operand, rule, article, into);
        }
        yield all;
      }
      case Rule.Or or -> {
        // The failures of the alternatives do not explain anything once one of them matched, nor better than the OR itself.
        Explanation alternatives = new Explanation();
        boolean any = false;
        for (Rule operand : or.operands()) {
          any |= evaluate(operand, rule, article, alternatives);
        }
        into.matches.addAll(alternatives.matches);
        if (!any) {
          into.failed.add(or.toText());
        }
        yield any;
      }
      case Rule.Not not -> {
        // What matched under a NOT counts against the rule: it is no evidence.
        boolean operandMatched = evaluate(not.operand(), rule, article, new Explanation());
        if (operandMatched) {
          into.failed.add(not.toText());
        }
        yield !operandMatched;
      }
    };
  }

  private static Optional<TermMatch> match(Rule.Leaf leaf, Resolution resolution, ArticleEnriched article) {
    return switch (resolution) {
      case Resolution.Entity entity -> tag(article, entity.id())
          .map(tag -> new TermMatch(leaf, resolution, mentionSnippets(tag, article)));
      case Resolution.Unknown unknown -> Optional.empty();
      case Resolution.Text text -> evidence(leaf, resolution, textSnippets(TextSearch.phrase(text.phrase()), text.fields(), article));
      case Resolution.Prefix prefix -> evidence(leaf, resolution, textSnippets(TextSearch.prefix(prefix.stem()), EnumSet.allOf(TextField.class), article));
      case Resolution.Near near -> evidence(leaf, resolution, nearSnippets(near, article));
      case Resolution.Source source -> {
        SourceRef ref = article.article().source();
        TextSearch words = TextSearch.phrase(source.words());
        boolean found = !words.find(ref.name(), 1).isEmpty() || !words.find(ref.id(), 1).isEmpty();
        yield found ? Optional.of(new TermMatch(leaf, resolution, List.of())) : Optional.empty();
      }
      case Resolution.Language language -> {
        String code = article.article().language();
        boolean same = code != null
            && (code.equalsIgnoreCase(language.code()) || code.toLowerCase(Locale.ROOT).startsWith(language.code().toLowerCase(Locale.ROOT) + "-"));
        yield same ? Optional.of(new TermMatch(leaf, resolution, List.of())) : Optional.empty();
      }
    };
  }

  private static Optional<TermMatch> evidence(Rule.Leaf leaf, Resolution resolution, List<Snippet> snippets) {
    return snippets.isEmpty() ? Optional.empty() : Optional.of(new TermMatch(leaf, resolution, snippets));
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

  private static List<Snippet> textSnippets(TextSearch search, Set<TextField> fields, ArticleEnriched article) {
    List<Snippet> snippets = new ArrayList<>();
    for (TextField field : TextField.values()) {
      if (fields.contains(field)) {
        String text = textOf(article, field);
        for (TextSearch.Span span : search.find(text, MAX_SNIPPETS - snippets.size())) {
          Snippets.around(field, text, span.start(), span.end()).ifPresent(snippets::add);
        }
      }
    }
    return snippets;
  }

  private static List<Snippet> nearSnippets(Resolution.Near near, ArticleEnriched article) {
    List<Snippet> snippets = new ArrayList<>();
    for (TextField field : TextField.values()) {
      String text = textOf(article, field);
      for (TextSearch.Span span : TextSearch.near(near.words(), near.distance(), text, MAX_SNIPPETS - snippets.size())) {
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

  /** What an evaluation found so far: the leaves that matched and the parts that failed. */
  private static final class Explanation {
    final List<TermMatch> matches = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
  }
}
