package io.newsmonitor.alert.rule;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random rule trees for the properties, every position 0 (compare parsed trees with {@link Rules#withoutPositions}). */
public final class RuleArbitraries {

  private static final List<String> KEYWORDS = List.of("and", "or", "not");

  private RuleArbitraries() {
  }

  /** Trees up to four levels deep over {@code leaves}, with AND and OR of two to three operands and NOT. */
  public static Arbitrary<Rule> rules(Arbitrary<? extends Rule.Leaf> leaves) {
    return Arbitraries.recursive(() -> leaves.map(Rule.class::cast), RuleArbitraries::combine, 0, 4);
  }

  /** Every kind of leaf: bare and quoted terms, fields, proximity, prefix. */
  public static Arbitrary<Rule.Leaf> anyLeaf() {
    return Arbitraries.oneOf(bareTerm(), quotedTerm(), field(), proximity(), prefix());
  }

  private static Arbitrary<Rule> combine(Arbitrary<Rule> operand) {
    return Arbitraries.frequencyOf(
        Tuple.of(2, operand.list().ofMinSize(2).ofMaxSize(3).map(Rule.And::new)),
        Tuple.of(2, operand.list().ofMinSize(2).ofMaxSize(3).map(Rule.Or::new)),
        Tuple.of(1, operand.map(Rule.Not::new)));
  }

  /** A word a bare term may hold: letters, digits, an inner dash, never a keyword. */
  static Arbitrary<String> bareWord() {
    return Arbitraries.strings().withChars("andortxJKÉé0-").ofMinLength(1).ofMaxLength(6)
        .filter(word -> !word.startsWith("-") && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT)));
  }

  /** A word inside quotes: anything but quotes and white space, operators included. */
  static Arbitrary<String> quotedWord() {
    return Arbitraries.oneOf(bareWord(), Arbitraries.of("AND", "or", "NOT", "+", "|", "(", ")", "-x", "y*", "a:b", "~2"));
  }

  static Arbitrary<Rule.Term> bareTerm() {
    return bareWord().list().ofMinSize(1).ofMaxSize(3).map(words -> new Rule.Term(String.join(" ", words), false, 0));
  }

  static Arbitrary<Rule.Term> quotedTerm() {
    return quotedWord().list().ofMinSize(1).ofMaxSize(3).map(words -> new Rule.Term(String.join(" ", words), true, 0));
  }

  static Arbitrary<Rule.Field> field() {
    return Combinators.combine(Arbitraries.of(Rule.FieldName.class), Arbitraries.oneOf(bareTerm(), quotedTerm()))
        .as((name, value) -> new Rule.Field(name, value, 0));
  }

  static Arbitrary<Rule.Proximity> proximity() {
    return Combinators.combine(quotedWord().list().ofMinSize(2).ofMaxSize(3), Arbitraries.integers().between(0, 50))
        .as((words, distance) -> new Rule.Proximity(words, distance, 0));
  }

  static Arbitrary<Rule.Prefix> prefix() {
    return bareWord().map(stem -> new Rule.Prefix(stem, 0));
  }
}
