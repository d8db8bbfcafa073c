package io.newsmonitor.alert.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.alert.rule.RuleArbitraries;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** The evaluator agrees with a naive boolean reading of the same tree over the article's tag set, and explains itself. */
class RuleEvaluationPropertyTests {

  private static final List<String> NAMES = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot");

  /** Names resolve to ids; the first three are actors, the others topics. */
  private static final TermResolver RESOLVER = term -> NAMES.contains(term.text())
      ? new Resolution.Entity(id(term.text()), term.text(), NAMES.indexOf(term.text()) >= 3)
      : new Resolution.Text(term.text());

  @Property(tries = 2000)
  void evaluationEqualsTheReferenceOnRandomTagSets(@ForAll("tagRules") Rule rule, @ForAll("tagSets") Set<String> tagged) {
    ArticleEnriched article = Articles.article("Untitled", "Nothing to read.", tagged.stream().map(RuleEvaluationPropertyTests::tag).toList(), List.of());

    Evaluation evaluation = RuleEvaluator.evaluate(ResolvedRule.of(rule.toText(), rule, RESOLVER), article);

    Statistics.label("matched").collect(evaluation.matched());
    assertThat(evaluation.matched()).isEqualTo(reference(rule, tagged));
    // A match is explained by what matched, a miss by what failed.
    assertThat(evaluation.failedParts().isEmpty()).isEqualTo(evaluation.matched());
    assertThat(evaluation.termMatches()).allSatisfy(match -> assertThat(tagged).contains(((Resolution.Entity) match.resolution()).id()));
  }

  private static boolean reference(Rule rule, Set<String> tagged) {
    return switch (rule) {
      case Rule.Term term -> tagged.contains(id(term.text()));
      case Rule.Field field -> tagged.contains(id(field.value().text())) && (field.name() == Rule.FieldName.TOPIC) == NAMES.indexOf(field.value().text()) >= 3;
      case Rule.And and -> and.operands().stream().allMatch(operand -> reference(operand, tagged));
      case Rule.Or or -> or.operands().stream().anyMatch(operand -> reference(operand, tagged));
      case Rule.Not not -> !reference(not.operand(), tagged);
      default -> throw new IllegalArgumentException("not generated: " + rule);
    };
  }

  @Provide
  Arbitrary<Rule> tagRules() {
    Arbitrary<String> name = Arbitraries.of(NAMES);
    Arbitrary<Rule.Leaf> term = name.map(text -> new Rule.Term(text, false, 0));
    Arbitrary<Rule.Leaf> field = Combinators.combine(Arbitraries.of(Rule.FieldName.ACTOR, Rule.FieldName.TOPIC), name)
        .as((fieldName, text) -> new Rule.Field(fieldName, new Rule.Term(text, false, 0), 0));
    return RuleArbitraries.rules(Arbitraries.frequencyOf(Tuple.of(4, term), Tuple.of(1, field)));
  }

  @Provide
  Arbitrary<Set<String>> tagSets() {
    return Arbitraries.of(NAMES).map(RuleEvaluationPropertyTests::id).set().ofMaxSize(NAMES.size());
  }

  private static String id(String name) {
    return "x:" + name.toLowerCase(Locale.ROOT);
  }

  private static Tag tag(String id) {
    return new Tag(id, id, "country", 0, 0.5, List.of());
  }
}
