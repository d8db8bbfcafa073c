package io.newsmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.alert.rule.Rule.And;
import io.newsmonitor.alert.rule.Rule.Field;
import io.newsmonitor.alert.rule.Rule.FieldName;
import io.newsmonitor.alert.rule.Rule.Leaf;
import io.newsmonitor.alert.rule.Rule.Not;
import io.newsmonitor.alert.rule.Rule.Or;
import io.newsmonitor.alert.rule.Rule.Prefix;
import io.newsmonitor.alert.rule.Rule.Proximity;
import io.newsmonitor.alert.rule.Rule.Term;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule language: every operator, the precedence, the leaves; every malformed rule says where and why. */
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
    assertThat(parsed.leaves()).extracting(Leaf::display).containsExactly("Japan", "Pillar II");
    assertThat(parsed.leaves().get(1).position()).isEqualTo(rule.indexOf("Pillar"));
  }

  @Test
  void aQuotedPhraseIsOneTextTerm() {
    assertThat(RuleParser.parse("Japan AND \"Pillar II\"")).isEqualTo(new And(List.of(new Term("Japan", false, 0), new Term("Pillar II", true, 10))));
  }

  @Test
  void operatorsInsideQuotesAreWords() {
    assertThat(RuleParser.parse("\"research and development + more (or less) -x | y*\""))
        .isEqualTo(new Term("research and development + more (or less) -x | y*", true, 0));
  }

  @Test
  void wordsThatOnlyContainKeywordsOrDashesAreNotOperators() {
    assertThat(RuleParser.parse("Band + Sandy Andrews + Oregon + Nothing + Sino-Japanese").leaves()).extracting(Leaf::display)
        .containsExactly("Band", "Sandy Andrews", "Oregon", "Nothing", "Sino-Japanese");
  }

  /** Each rule and the same rule with the parentheses the precedence puts in (NOT over AND over OR), as the printer writes it. */
  @ParameterizedTest(name = "{0}  ==  {1}")
  @CsvSource(delimiterString = "==", quoteCharacter = '\'', value = {
      "a OR b AND c            == a OR (b AND c)",
      "a | b + c               == a OR (b AND c)",
      "a AND b OR c            == (a AND b) OR c",
      "a or b and c or d       == a OR (b AND c) OR d",
      "NOT a OR b              == (NOT a) OR b",
      "-a + b                  == (NOT a) AND b",
      "-a AND -b               == (NOT a) AND (NOT b)",
      "NOT a AND b             == (NOT a) AND b",
      "NOT (a OR b)            == NOT (a OR b)",
      "-(a + b)                == NOT (a AND b)",
      "NOT NOT a               == NOT (NOT a)",
      "--a                     == NOT (NOT a)",
      "(a OR b) AND c          == (a OR b) AND c",
      "a AND (b OR c)          == a AND (b OR c)",
      "((a))                   == a",
      "a OR b OR c             == a OR b OR c",
      "a + b + c               == a AND b AND c",
      "-a b                    == NOT (a b)",
      "a OR NOT b AND c        == a OR ((NOT b) AND c)",
  })
  void precedenceIsNotOverAndOverOr(String rule, String parenthesized) {
    Rule parsed = RuleParser.parse(rule);

    assertThat(Rules.withoutPositions(parsed)).isEqualTo(Rules.withoutPositions(RuleParser.parse(parenthesized)));
  }

  @Test
  void orAndNotBuildTheirNodes() {
    assertThat(Rules.withoutPositions(RuleParser.parse("Japan | Korea + -China")))
        .isEqualTo(new Or(List.of(term("Japan"), new And(List.of(term("Korea"), new Not(term("China")))))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "->", quoteCharacter = '\'', value = {
      "actor:Japan -> ACTOR, Japan, false",
      "ACTOR:Japan -> ACTOR, Japan, false",
      "'topic:\"AUKUS Pillar II\"' -> TOPIC, AUKUS Pillar II, true",
      "source:reuters -> SOURCE, reuters, false",
      "lang:en -> LANG, en, false",
      "title:hypersonic glide -> TITLE, hypersonic glide, false",
      "actor:or -> ACTOR, or, false",
  })
  void fieldsTakeAWordsOrAQuotedPhrase(String rule, String expected) {
    String[] parts = expected.split(", ");
    Field field = (Field) RuleParser.parse(rule);

    assertThat(field.name()).isEqualTo(FieldName.valueOf(parts[0]));
    assertThat(field.value().text()).isEqualTo(parts[1]);
    assertThat(field.value().quoted()).isEqualTo(Boolean.parseBoolean(parts[2]));
    assertThat(field.position()).isZero();
  }

  @Test
  void aQuotedPhraseWithATildeAndANumberIsProximity() {
    assertThat(RuleParser.parse("x + \"Japan  submarine\"~10")).isEqualTo(new And(List.of(term("x", 0), new Proximity(List.of("Japan", "submarine"), 10, 4))));
  }

  @Test
  void aWordEndingWithAStarIsAPrefix() {
    assertThat(RuleParser.parse("hyperson* OR quantum")).isEqualTo(new Or(List.of(new Prefix("hyperson", 0), term("quantum", 13))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Japan", "\"Pillar II\"", "actor:Japan", "topic:\"AUKUS Pillar II\"", "\"Japan submarine\"~10", "hyperson*",
      "a OR b AND c", "(NOT a) OR b", "NOT (a OR b) AND c", "(a OR b) AND -c", "a OR (b OR c)", "title:\"x y\" | lang:en + -source:afp"})
  void printingAParsedRuleGivesTheSameRule(String rule) {
    Rule parsed = RuleParser.parse(rule);

    assertThat(Rules.withoutPositions(RuleParser.parse(parsed.toText()))).isEqualTo(Rules.withoutPositions(parsed));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiterString = "->", quoteCharacter = '`', value = {
      "`` -> unexpected end of rule at 0",
      "`   ` -> unexpected end of rule at 3",
      "Japan + -> unexpected end of rule at 7",
      "Japan AND -> unexpected end of rule at 9",
      "Japan OR -> unexpected end of rule at 8",
      "Japan AND NOT -> unexpected end of rule at 13",
      "+ Japan -> expected a term at 0",
      "AND Japan -> expected a term at 0",
      "OR Japan -> expected a term at 0",
      "| Japan -> expected a term at 0",
      "Japan ++ Korea -> expected a term at 7",
      "Japan + AND Korea -> expected a term at 8",
      "Japan OR | Korea -> expected a term at 9",
      "`\"Pillar II` -> unterminated quote at 0",
      "`Japan + \"Pillar` -> unterminated quote at 8",
      "`Japan \"Pillar II\"` -> expected an operator at 6",
      "`\"Pillar II\" Japan` -> expected an operator at 12",
      "`Japan + \"\"` -> empty phrase at 8",
      "`Japan + \"   \"` -> empty phrase at 8",
      "Japan + ( -> unexpected end of rule at 9",
      "(Japan -> '(' is not closed at 0",
      "Japan + ((Korea) -> '(' is not closed at 8",
      "(Japan OR Korea) + (China -> '(' is not closed at 19",
      "Japan ) -> unexpected ')' at 6",
      "(Japan OR Korea)) AND China -> unexpected ')' at 16",
      "Japan + () -> unexpected ')' at 9",
      "(Japan Korea\" -> unterminated quote at 12",
      "(Japan \"x\") -> expected an operator or ')' at 7",
      "actr:Japan -> unknown field 'actr' (expected one of actor, topic, source, lang, title) at 0",
      "Japan + country:jp -> unknown field 'country' (expected one of actor, topic, source, lang, title) at 8",
      "actor: + Japan -> expected a word or a quoted phrase after 'actor:' at 7",
      "actor: -> expected a word or a quoted phrase after 'actor:' at 6",
      "title:hyperson* -> expected a word or a quoted phrase after 'title:' at 6",
      "`\"Japan submarine\"~` -> expected a number after '~' at 18",
      "`\"Japan submarine\"~x` -> expected a number after '~' at 18",
      "`\"Japan submarine\" ~3` -> '~' must follow a quoted phrase at 18",
      "Japan~3 -> '~' must follow a quoted phrase at 5",
      "`\"Japan\"~3` -> proximity needs at least two words at 0",
      "`\"a b\"~123456` -> distance too large at 6",
      "* -> '*' needs the start of a word at 0",
      "hyp*son -> '*' may only end a word at 3",
  })
  void malformedRulesAreRefusedWithPositionAndReason(String rule, String message) {
    assertThatThrownBy(() -> RuleParser.parse(rule))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void theExceptionCarriesPositionAndReasonApart() {
    RuleSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("(Japan OR Korea)) + x"));

    assertThat(e.position()).isEqualTo(16);
    assertThat(e.reason()).isEqualTo("unexpected ')'");
  }

  private static Term term(String text) {
    return term(text, 0);
  }

  private static Term term(String text, int position) {
    return new Term(text, false, position);
  }
}
