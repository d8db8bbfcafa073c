package io.newsmonitor.alert.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bare terms resolve through the shipped knowledge base; quoted phrases and unknown terms are text. */
class KnowledgeBaseTermResolverTests {

  private final TermResolver resolver = new KnowledgeBaseTermResolver(KnowledgeBase.loadDefault());

  @ParameterizedTest
  @CsvSource(delimiterString = "->", value = {
      "Japan -> actor country:jp (Japan)",
      "japanese -> actor country:jp (Japan)",
      "Pillar II -> topic topic:aukus-pillar-2 (AUKUS Pillar II)",
      "pillar two -> topic topic:aukus-pillar-2 (AUKUS Pillar II)",
      "country:jp -> actor country:jp (Japan)",
      "us -> text",
      "zeppelin -> text",
  })
  void bareTermsResolveThroughTheKnowledgeBase(String term, String resolvedAs) {
    assertThat(resolver.resolve(new Rule.Term(term, false, 0)).describe()).isEqualTo(resolvedAs);
  }

  @Test
  void aQuotedPhraseIsTextEvenWhenTheKnowledgeBaseKnowsIt() {
    assertThat(resolver.resolve(new Rule.Term("Pillar II", true, 0))).isEqualTo(new Resolution.Text("Pillar II"));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "->", quoteCharacter = '`', value = {
      "actor:Japan -> actor country:jp (Japan)",
      "actor:japanese -> actor country:jp (Japan)",
      "actor:country:jp -> actor country:jp (Japan)",
      "`topic:\"AUKUS Pillar II\"` -> topic topic:aukus-pillar-2 (AUKUS Pillar II)",
      "topic:pillar two -> topic topic:aukus-pillar-2 (AUKUS Pillar II)",
      "topic:Japan -> unknown topic",
      "actor:zeppelin -> unknown actor",
      "title:Japan -> text in title",
      "hyperson* -> prefix",
      "`\"Japan submarine\"~10` -> words within 10",
      "source:reuters -> source",
      "lang:en -> language",
  })
  void fieldsResolveThroughTheKnowledgeBaseWithinTheirKind(String rule, String resolvedAs) {
    assertThat(ResolvedRule.of(rule, resolver).resolutions().values()).extracting(Resolution::describe).containsExactly(resolvedAs);
  }
}
