package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.alert.rule.RuleParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed rule with the meaning of each of its terms: what the evaluator runs.
 *
 * @param text the rule as written
 * @param rule its syntax tree
 * @param resolutions the meaning of every term of {@code rule}, in rule order
 */
public record ResolvedRule(String text, Rule rule, Map<Rule.Term, Resolution> resolutions) {

  public ResolvedRule {
    requireNonNull(text, "text");
    requireNonNull(rule, "rule");
    resolutions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolutions));
    for (Rule.Term term : rule.terms()) {
      if (!resolutions.containsKey(term)) {
        throw new IllegalArgumentException("term " + term + " is not resolved");
      }
    }
  }

  /**
   * Parses {@code text} and resolves its terms.
   *
   * @throws io.newsmonitor.alert.rule.RuleSyntaxException when the rule does not parse
   */
  public static ResolvedRule of(String text, TermResolver resolver) {
    Rule rule = RuleParser.parse(text);
    Map<Rule.Term, Resolution> resolutions = new LinkedHashMap<>();
    for (Rule.Term term : rule.terms()) {
      resolutions.put(term, requireNonNull(resolver.resolve(term), "resolution of " + term));
    }
    return new ResolvedRule(text, rule, resolutions);
  }

  /** The meaning of {@code term}. */
  public Resolution resolutionOf(Rule.Term term) {
    Resolution resolution = resolutions.get(term);
    if (resolution == null) {
      throw new IllegalArgumentException("term " + term + " is not part of " + text);
    }
    return resolution;
  }
}
