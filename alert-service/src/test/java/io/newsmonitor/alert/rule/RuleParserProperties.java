package io.newsmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing and parsing are inverse, and the parser refuses any text only with a position inside it. */
class RuleParserProperties {

  @Property(tries = 1000)
  void aRandomTreePrintedAndParsedIsTheSameTree(@ForAll("trees") Rule tree) {
    assertThat(Rules.withoutPositions(RuleParser.parse(tree.toText()))).isEqualTo(tree);
  }

  @Property(tries = 2000)
  void anyTextThatParsesPrintsToTextThatParsesToTheSameTree(@ForAll("ruleLikeText") String text) {
    Rule parsed;
    try {
      parsed = RuleParser.parse(text);
    } catch (RuleSyntaxException e) {
      assertThat(e.position()).isBetween(0, text.length());
      assertThat(e.getMessage()).isEqualTo(e.reason() + " at " + e.position());
      return;
    }
    String printed = parsed.toText();
    Rule reparsed = RuleParser.parse(printed);
    assertThat(Rules.withoutPositions(reparsed)).isEqualTo(Rules.withoutPositions(parsed));
    assertThat(reparsed.toText()).isEqualTo(printed);
  }

  @Provide
  Arbitrary<Rule> trees() {
    return RuleArbitraries.rules(RuleArbitraries.anyLeaf());
  }

  /** Text made of the language's pieces, in any order, so that both valid and broken rules come up often. */
  @Provide
  Arbitrary<String> ruleLikeText() {
    Arbitrary<String> piece = Arbitraries.of("Japan", "Pillar II", "and", "OR", "not", "+", "|", "-", "(", ")", "\"", "\"a b\"", "\"x y\"~3",
        "~", "~7", "hyp*", "*", "actor:", "topic:", "lang:en", "title:\"q r\"", "bad:x", " ", "  ");
    return piece.list().ofMaxSize(12).map(pieces -> String.join(" ", pieces));
  }
}
