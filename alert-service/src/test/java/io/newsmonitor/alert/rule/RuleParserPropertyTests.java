package io.newsmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** Printing and parsing are inverse, and the parser refuses any text only with a position inside it. */
class RuleParserPropertyTests {

  @Property(tries = 1000)
  void aRandomTreePrintedAndParsedIsTheSameTree(@ForAll("trees") Rule tree) {
    Statistics.label("leaves").collect(Math.min(tree.leaves().size(), 10));
    assertThat(Rules.withoutPositions(RuleParser.parse(tree.toText()))).isEqualTo(tree);
  }

  @Property(tries = 2000)
  void anyTextThatParsesPrintsToTextThatParsesToTheSameTree(@ForAll("ruleLikeText") String text) {
    Rule parsed;
    try {
      parsed = RuleParser.parse(text);
    } catch (RuleSyntaxException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.position()).isBetween(0, text.length());
      assertThat(e.getMessage()).isEqualTo(e.reason() + " at " + e.position());
      return;
    }
    Statistics.label("outcome").collect("parsed");
    String printed = parsed.toText();
    Rule reparsed = RuleParser.parse(printed);
    assertThat(Rules.withoutPositions(reparsed)).isEqualTo(Rules.withoutPositions(parsed));
    assertThat(reparsed.toText()).isEqualTo(printed);
  }

  @Provide
  Arbitrary<Rule> trees() {
    return RuleArbitraries.rules(RuleArbitraries.anyLeaf());
  }

  /**
   * Text made of the language's pieces: mostly operands and operators in turn, so that many rules parse, with pieces out of
   * place (a stray parenthesis, quote, tilde, star, unknown field) often enough that many do not.
   */
  @Provide
  Arbitrary<String> ruleLikeText() {
    Arbitrary<String> operand = Arbitraries.of("Japan", "Pillar II", "-Japan", "NOT Korea", "not not x", "\"a b\"", "\"x y\"~3", "hyp*", "lang:en",
        "title:\"q r\"", "actor:Japan", "(a | b)", "((c + -d) or e)", "Sino-Japanese");
    Arbitrary<String> operator = Arbitraries.of("AND", "+", "OR", "|", "and", "or", "Or");
    Arbitrary<String> outOfPlace = Arbitraries.of("(", ")", "\"", "~", "~7", "*", "actor:", "bad:x", "-", "NOT", "\"\"");
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(10, operand.map(text -> text + " " + "\u0000")), Tuple.of(1, outOfPlace));
    return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(6), operator.list().ofSize(6)).as((pieces, operators) -> {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < pieces.size(); i++) {
        text.append(pieces.get(i).replace("\u0000", i + 1 < pieces.size() ? operators.get(i) : "")).append(' ');
      }
      return text.toString();
    });
  }
}
