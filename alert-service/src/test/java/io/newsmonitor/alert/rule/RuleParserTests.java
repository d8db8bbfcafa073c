package io.newsmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.alert.rule.Rule.And;
import io.newsmonitor.alert.rule.Rule.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule language, first version: terms joined by + or AND, bare or quoted; every malformed rule says where and why. */
class RuleParserTests {

  @Test
  void aSingleBareTermIsATerm() {
    assertThat(RuleParser.parse("Japan")).isEqualTo(new Term("Japan", false, 0));
  }

  @Test
  void whiteSpaceInsideABareTermIsPartOfIt() {
    assertThat(RuleParser.parse("  Pillar   II ")).isEqualTo(new Term("Pillar II", false, 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Japan + Pillar II", "Japan AND Pillar II", "Japan and Pillar II", "Japan And Pillar II", "Japan+Pillar II"})
  void plusAndAndInAnyCaseJoinTerms(String rule) {
    Rule parsed = RuleParser.parse(rule);

    assertThat(parsed).isInstanceOf(And.class);
    assertThat(parsed.terms()).extracting(Term::text).containsExactly("Japan", "Pillar II");
    assertThat(parsed.terms()).extracting(Term::quoted).containsExactly(false, false);
    assertThat(parsed.terms().get(1).position()).isEqualTo(rule.indexOf("Pillar"));
  }

  @Test
  void aQuotedPhraseIsOneTextTerm() {
    assertThat(RuleParser.parse("Japan AND \"Pillar II\"")).isEqualTo(new And(List.of(new Term("Japan", false, 0), new Term("Pillar II", true, 10))));
  }

  @Test
  void operatorsInsideQuotesAreWords() {
    assertThat(RuleParser.parse("\"research and development + more\"")).isEqualTo(new Term("research and development + more", true, 0));
  }

  @Test
  void threeTermsMakeOneConjunction() {
    Rule parsed = RuleParser.parse("Japan + Australia AND \"submarine deal\"");

    assertThat(parsed).isInstanceOf(And.class);
    assertThat(((And) parsed).operands()).hasSize(3);
    assertThat(parsed.terms()).extracting(Term::display).containsExactly("Japan", "Australia", "\"submarine deal\"");
  }

  @Test
  void wordsThatOnlyContainAndAreNotOperators() {
    assertThat(RuleParser.parse("Band + Sandy Andrews").terms()).extracting(Term::text).containsExactly("Band", "Sandy Andrews");
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiterString = "->", quoteCharacter = '\'', value = {
      "'' -> unexpected end of rule at 0",
      "'   ' -> unexpected end of rule at 3",
      "Japan + -> unexpected end of rule at 7",
      "Japan AND -> unexpected end of rule at 9",
      "+ Japan -> expected a term at 0",
      "AND Japan -> expected a term at 0",
      "Japan ++ Korea -> expected a term at 7",
      "Japan + AND Korea -> expected a term at 8",
      "'\"Pillar II' -> unterminated quote at 0",
      "'Japan + \"Pillar' -> unterminated quote at 8",
      "'Japan \"Pillar II\"' -> expected '+' or AND at 6",
      "'\"Pillar II\" Japan' -> expected '+' or AND at 12",
      "'Japan + \"\"' -> empty phrase at 8",
      "Japan + ( -> unexpected '(' at 8",
      "Japan + (Korea) -> unexpected '(' at 8",
      "Japan ) -> unexpected ')' at 6",
      "Japan OR Korea -> OR is not supported yet at 6",
      "Japan | Korea -> OR ('|') is not supported yet at 6",
      "NOT Japan -> NOT is not supported yet at 0",
      "Japan + -Korea -> NOT ('-') is not supported yet at 8",
      "hyperson* -> prefix search ('*') is not supported yet at 8",
      "'\"Japan submarine\"~10' -> proximity search ('~') is not supported yet at 17",
  })
  void malformedRulesAreRefusedWithPositionAndReason(String rule, String message) {
    assertThatThrownBy(() -> RuleParser.parse(rule))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void theExceptionCarriesPositionAndReasonApart() {
    RuleSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("Japan +"));

    assertThat(e.position()).isEqualTo(7);
    assertThat(e.reason()).isEqualTo("unexpected end of rule");
  }
}
