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

/**
 * The evaluator agrees with a naive boolean reading of the same tree over the article's tags and the set of its body's words,
 * and explains itself.
 */
class RuleEvaluationPropertyTests {

  private static final List<String> NAMES = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot");

  /** Words of the bodies, and stems that start some of them (and one that starts none). */
  private static final List<String> WORDS = List.of("submarine", "summit", "quantum", "quartz", "pact", "patrol");
  private static final List<String> STEMS = List.of("sub", "su", "qua", "quan", "pa", "xyz");

  /** Bare names resolve to ids, the first three actors, the others topics; anything else is text. */
  private static final TermResolver RESOLVER = term -> !term.quoted() && NAMES.contains(term.text())
      ? new Resolution.Entity(id(term.text()), term.text(), NAMES.indexOf(term.text()) >= 3)
      : new Resolution.Text(term.text());

  @Property(tries = 2000)
  void evaluationEqualsTheReferenceOnRandomArticles(@ForAll("rules") Rule rule, @ForAll("tagSets") Set<String> tagged, @ForAll("bodies") List<String> words) {
    ArticleEnriched article = Articles.article("Untitled", String.join(", ", words) + ".", tagged.stream().map(RuleEvaluationPropertyTests::tag).toList(),
        List.of());

    Evaluation evaluation = RuleEvaluator.evaluate(ResolvedRule.of(rule.toText(), rule, RESOLVER), article);

    Statistics.label("matched").collect(evaluation.matched());
    assertThat(evaluation.matched()).isEqualTo(reference(rule, tagged, words));
    // A match is explained by what matched, a miss by what failed.
    assertThat(evaluation.failedParts().isEmpty()).isEqualTo(evaluation.matched());
    assertThat(evaluation.termMatches()).allSatisfy(match -> {
      if (match.resolution() instanceof Resolution.Entity entity) {
        assertThat(tagged).contains(entity.id());
      } else {
        assertThat(match.snippets()).isNotEmpty();
      }
    });
  }

  private static boolean reference(Rule rule, Set<String> tagged, List<String> words) {
    return switch (rule) {
      case Rule.Term term when NAMES.contains(term.text()) && !term.quoted() -> tagged.contains(id(term.text()));
      case Rule.Term term -> words.contains(term.text().toLowerCase(Locale.ROOT));
      case Rule.Prefix prefix -> words.stream().anyMatch(word -> word.startsWith(prefix.stem()));
      case Rule.Field field -> tagged.contains(id(field.value().text())) && (field.name() == Rule.FieldName.TOPIC) == NAMES.indexOf(field.value().text()) >= 3;
      case Rule.And and -> and.operands().stream().allMatch(operand -> reference(operand, tagged, words));
      case Rule.Or or -> or.operands().stream().anyMatch(operand -> reference(operand, tagged, words));
      case Rule.Not not -> !reference(not.operand(), tagged, words);
      default -> throw new IllegalArgumentException("not generated: " + rule);
    };
  }

  /** Tag names (bare or in actor:/topic:), body words (bare, quoted, in another case) and prefixes. */
  @Provide
  Arbitrary<Rule> rules() {
    Arbitrary<String> name = Arbitraries.of(NAMES);
    Arbitrary<Rule.Leaf> tagTerm = name.map(text -> new Rule.Term(text, false, 0));
    Arbitrary<Rule.Leaf> field = Combinators.combine(Arbitraries.of(Rule.FieldName.ACTOR, Rule.FieldName.TOPIC), name)
        .as((fieldName, text) -> new Rule.Field(fieldName, new Rule.Term(text, false, 0), 0));
    Arbitrary<Rule.Leaf> textTerm = Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((word, quoted, upper) -> new Rule.Term(upper ? word.toUpperCase(Locale.ROOT) : word, quoted, 0));
    Arbitrary<Rule.Leaf> prefix = Arbitraries.of(STEMS).map(stem -> new Rule.Prefix(stem, 0));
    return RuleArbitraries.rules(Arbitraries.frequencyOf(Tuple.of(4, tagTerm), Tuple.of(1, field), Tuple.of(3, textTerm), Tuple.of(1, prefix)));
  }

  @Provide
  Arbitrary<List<String>> bodies() {
    return Arbitraries.of(WORDS).list().ofMaxSize(4);
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
