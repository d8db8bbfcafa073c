package io.newsmonitor.alert.console;

import io.newsmonitor.alert.matching.Resolution;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.rule.RuleSyntaxException;
import java.util.List;

/**
 * A rule as the analyst typed it, checked as a subscription would check it: where and why it does not parse, or what each of
 * its terms means.
 *
 * @param rule the rule as typed
 * @param caret the rule on one line with a caret under the error's position on the next; null when the rule parses
 * @param message the parse error, e.g. {@code expected a term at 8}; null when the rule parses
 * @param terms what each term resolves to, in rule order; empty when the rule does not parse
 */
public record RuleCheck(String rule, String caret, String message, List<TermMeaning> terms) {

  /**
   * One term of the rule and its meaning.
   *
   * @param kind {@code actor}, {@code topic}, {@code unknown actor}, {@code text}, {@code source} …
   * @param meaning the knowledge base's name for an actor or topic ({@code Japan}, {@code AUKUS Pillar II}); else the words
   * @param id the knowledge base's id of an actor or topic ({@code country:jp}); null otherwise
   */
  public record TermMeaning(String term, String kind, String meaning, String id) {
  }

  public RuleCheck {
    terms = List.copyOf(terms);
  }

  public static RuleCheck of(String rule, TermResolver resolver) {
    String text = rule == null ? "" : rule;
    if (text.isBlank()) {
      return new RuleCheck(text, null, null, List.of());
    }
    try {
      ResolvedRule resolved = ResolvedRule.of(text, resolver);
      return new RuleCheck(text, null, null, resolved.resolutions().entrySet().stream()
          .map(entry -> meaning(entry.getKey().display(), entry.getValue()))
          .toList());
    } catch (RuleSyntaxException e) {
      // Line breaks would put the caret under the wrong character: the rule is shown on one line.
      String oneLine = text.replaceAll("[\\r\\n\\t]", " ");
      return new RuleCheck(text, oneLine + "\n" + " ".repeat(Math.min(e.position(), oneLine.length())) + "^", e.getMessage(), List.of());
    }
  }

  public boolean blank() {
    return rule.isBlank();
  }

  public boolean valid() {
    return message == null && !rule.isBlank();
  }

  private static TermMeaning meaning(String term, Resolution resolution) {
    return switch (resolution) {
      case Resolution.Entity entity -> new TermMeaning(term, entity.topic() ? "topic" : "actor", entity.name(), entity.id());
      case Resolution.Unknown unknown -> new TermMeaning(term, "unknown " + unknown.kind(), "matches nothing: not in the knowledge base", null);
      default -> new TermMeaning(term, resolution.describe(), term, null);
    };
  }
}
