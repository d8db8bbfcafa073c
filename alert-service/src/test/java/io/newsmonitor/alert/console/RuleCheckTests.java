package io.newsmonitor.alert.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsmonitor.alert.matching.KnowledgeBaseTermResolver;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** The rule check the console shows under a rule being typed. */
class RuleCheckTests {

  private final TermResolver resolver = new KnowledgeBaseTermResolver(KnowledgeBase.loadDefault());

  @Test
  void aRuleThatParsesSaysWhatEachTermMeansInRuleOrder() {
    RuleCheck check = RuleCheck.of("Japan + Pillar II + \"joint exercise\" + actor:Atlantis", resolver);

    assertThat(check.valid()).isTrue();
    assertThat(check.caret()).isNull();
    assertThat(check.terms()).extracting(RuleCheck.TermMeaning::kind, RuleCheck.TermMeaning::meaning, RuleCheck.TermMeaning::id).containsExactly(
        tuple("actor", "Japan", "country:jp"),
        tuple("topic", "AUKUS Pillar II", "topic:aukus-pillar-2"),
        tuple("text", "\"joint exercise\"", null),
        tuple("unknown actor", "matches nothing: not in the knowledge base", null));
  }

  @Test
  void theCaretStandsUnderTheErrorEvenWhenTheRuleSpansLines() {
    RuleCheck check = RuleCheck.of("Japan +\n(Korea", resolver);

    assertThat(check.valid()).isFalse();
    assertThat(check.terms()).isEmpty();
    assertThat(check.caret().split("\n")).as(check.caret().replace("\n", "|")).containsExactly("Japan + (Korea", " ".repeat(8) + "^");
    assertThat(check.message()).endsWith("at 8");
  }

  @Test
  void aBlankRuleIsNeitherValidNorAnError() {
    RuleCheck check = RuleCheck.of("  ", resolver);

    assertThat(check.blank()).isTrue();
    assertThat(check.valid()).isFalse();
    assertThat(check.message()).isNull();
  }
}
