package io.newsmonitor.enrich.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.enrich.quality.EvaluationSet.Article;
import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.kb.KnowledgeBase;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Measures the tagger with the default knowledge base on the labelled evaluation set (see docs/quality.md). */
class TaggingQualityTests {

  static final double REQUIRED_F1 = 0.9;

  private static final EvaluationSet SET = EvaluationSet.load();

  @Test
  void theSetHasEnoughArticlesInBothLanguagesAndEveryDomain() {
    Map<String, Long> byLanguage = SET.articles().stream().collect(Collectors.groupingBy(Article::language, Collectors.counting()));
    assertThat(SET.articles()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(byLanguage.get("en")).as("English articles").isGreaterThanOrEqualTo(48);
    assertThat(byLanguage.get("fr")).as("French articles").isGreaterThanOrEqualTo(10);
    assertThat(SET.articles().stream().collect(Collectors.groupingBy(Article::domain, Collectors.counting())).keySet())
        .containsExactlyInAnyOrderElementsOf(EvaluationSet.DOMAINS);
  }

  @Test
  void actorsAndTopicsEachReachTheRequiredF1() {
    Tagger tagger = new Tagger(KnowledgeBase.loadDefault());
    TaggingEvaluation evaluation = TaggingEvaluation.run(tagger, SET);
    System.out.println(evaluation.report(tagger.knowledgeBase().version(), REQUIRED_F1));

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(evaluation.actors().f1()).as("actors F1 (see the table above)").isGreaterThanOrEqualTo(REQUIRED_F1);
    softly.assertThat(evaluation.topics().f1()).as("topics F1 (see the table above)").isGreaterThanOrEqualTo(REQUIRED_F1);
    softly.assertAll();
  }
}
