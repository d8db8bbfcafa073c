package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.alert.rule.RuleParser;
import io.newsmonitor.events.TextField;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed rule with the meaning of each of its leaves: what the evaluator runs.
 *
 * @param text the rule as written
 * @param rule its syntax tree
 * @param resolutions the meaning of every leaf of {@code rule}, in rule order
 */
public record ResolvedRule(String text, Rule rule, Map<Rule.Leaf, Resolution> resolutions) {

  public ResolvedRule {
    requireNonNull(text, "text");
    requireNonNull(rule, "rule");
    resolutions = Collections.unmodifiableMap(new LinkedHashMap<>(resolutions));
    for (Rule.Leaf leaf : rule.leaves()) {
      if (!resolutions.containsKey(leaf)) {
        throw new IllegalArgumentException("leaf " + leaf + " is not resolved");
      }
    }
  }

  /**
   * Parses {@code text} and resolves its leaves.
   *
   * @throws io.newsmonitor.alert.rule.RuleSyntaxException when the rule does not parse
   */
  public static ResolvedRule of(String text, TermResolver resolver) {
    return of(text, RuleParser.parse(text), resolver);
  }

  /** Resolves the leaves of an already parsed {@code rule}. */
  public static ResolvedRule of(String text, Rule rule, TermResolver resolver) {
    Map<Rule.Leaf, Resolution> resolutions = new LinkedHashMap<>();
    for (Rule.Leaf leaf : rule.leaves()) {
      resolutions.put(leaf, resolve(leaf, resolver));
    }
    return new ResolvedRule(text, rule, resolutions);
  }

  private static Resolution resolve(Rule.Leaf leaf, TermResolver resolver) {
    return switch (leaf) {
      case Rule.Term term -> requireNonNull(resolver.resolve(term), "resolution of " + term);
      case Rule.Field field -> switch (field.name()) {
        case ACTOR -> entity(field, false, resolver);
        case TOPIC -> entity(field, true, resolver);
        case SOURCE -> new Resolution.Source(field.value().text());
        case LANG -> new Resolution.Language(field.value().text());
        case TITLE -> new Resolution.Text(field.value().text(), EnumSet.of(TextField.TITLE));
      };
      case Rule.Proximity proximity -> new Resolution.Near(proximity.words(), proximity.distance());
      case Rule.Prefix prefix -> new Resolution.Prefix(prefix.stem());
    };
  }

  /** {@code actor:} and {@code topic:} name an entry of the knowledge base, quoted or not, and of that kind only. */
  private static Resolution entity(Rule.Field field, boolean topic, TermResolver resolver) {
    Rule.Term asBareTerm = new Rule.Term(field.value().text(), false, field.value().position());
    if (resolver.resolve(asBareTerm) instanceof Resolution.Entity entity && entity.topic() == topic) {
      return entity;
    }
    return new Resolution.Unknown(field.name().keyword());
  }

  /** The meaning of {@code leaf}. */
  public Resolution resolutionOf(Rule.Leaf leaf) {
    Resolution resolution = resolutions.get(leaf);
    if (resolution == null) {
      throw new IllegalArgumentException("leaf " + leaf + " is not part of " + text);
    }
    return resolution;
  }
}
