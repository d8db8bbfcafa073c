package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.rule.Rule;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A rule turned once into a tree of checks over a {@link PreparedArticle}: each leaf holds its meaning, so that testing
 * the rule against an article is a few set look-ups, and the operands of AND and OR look at tags, the cheapest, first.
 */
abstract sealed class CompiledRule {

  /** Whether the rule matches the article, as {@link RuleEvaluator#evaluate} decides it. */
  abstract boolean test(PreparedArticle article);

  /**
   * Compiles {@code rule}; {@code meanings} holds one instance of each leaf meaning seen so far, so that rules sharing a
   * phrase share its outcome on an article.
   */
  static CompiledRule of(ResolvedRule rule, Map<Resolution, Resolution> meanings) {
    return of(rule.rule(), rule, meanings);
  }

  private static CompiledRule of(Rule node, ResolvedRule rule, Map<Resolution, Resolution> meanings) {
    return switch (node) {
      case Rule.Leaf leaf -> rule.resolutionOf(leaf) instanceof Resolution.Entity entity
          ? new HasTag(entity.id())
          : new Leaf(leaf, meanings.computeIfAbsent(rule.resolutionOf(leaf), meaning -> meaning));
      case Rule.And and -> new All(operands(and.operands().stream().map(operand -> of(operand, rule, meanings)).toArray(CompiledRule[]::new)));
      case Rule.Or or -> new Any(operands(or.operands().stream().map(operand -> of(operand, rule, meanings)).toArray(CompiledRule[]::new)));
      case Rule.Not not -> new None(of(not.operand(), rule, meanings));
    };
  }

  private static CompiledRule[] operands(CompiledRule[] operands) {
    // Evaluation has no side effect, so the order is free: tags cost one look-up.
    Arrays.sort(operands, Comparator.comparingInt(operand -> operand instanceof HasTag ? 0 : 1));
    return operands;
  }

  private static final class HasTag extends CompiledRule {
    private final String id;

    HasTag(String id) {
      this.id = id;
    }

    @Override
    boolean test(PreparedArticle article) {
      return article.hasTag(id);
    }
  }

  private static final class Leaf extends CompiledRule {
    private final Rule.Leaf leaf;
    private final Resolution resolution;
    /** The words of a phrase, split once rather than for every article. */
    private final List<String> phraseWords;

    Leaf(Rule.Leaf leaf, Resolution resolution) {
      this.leaf = leaf;
      this.resolution = resolution;
      this.phraseWords = resolution instanceof Resolution.Text text ? PreparedArticle.wholeWords(text.phrase()) : null;
    }

    @Override
    boolean test(PreparedArticle article) {
      return article.matches(leaf, resolution, phraseWords);
    }
  }

  private static final class All extends CompiledRule {
    private final CompiledRule[] operands;

    All(CompiledRule[] operands) {
      this.operands = operands;
    }

    @Override
    boolean test(PreparedArticle article) {
      for (CompiledRule operand : operands) {
        if (!operand.test(article)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class Any extends CompiledRule {
    private final CompiledRule[] operands;

    Any(CompiledRule[] operands) {
      this.operands = operands;
    }

    @Override
    boolean test(PreparedArticle article) {
      for (CompiledRule operand : operands) {
        if (operand.test(article)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final class None extends CompiledRule {
    private final CompiledRule operand;

    None(CompiledRule operand) {
      this.operand = operand;
    }

    @Override
    boolean test(PreparedArticle article) {
      return !operand.test(article);
    }
  }
}
