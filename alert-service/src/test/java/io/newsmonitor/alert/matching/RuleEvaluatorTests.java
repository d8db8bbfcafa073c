package io.newsmonitor.alert.matching;

import static io.newsmonitor.alert.matching.Articles.BODY;
import static io.newsmonitor.alert.matching.Articles.TITLE;
import static io.newsmonitor.alert.matching.Articles.article;
import static io.newsmonitor.alert.matching.Articles.japan;
import static io.newsmonitor.alert.matching.Articles.pillarTwo;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.AlertRaised.Snippet;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator against hand-built articles: tags by id, text as whole words, and evidence that points at the right words. */
class RuleEvaluatorTests {

  private static final Resolution JAPAN = new Resolution.Entity("country:jp", "Japan", false);
  private static final Resolution PILLAR_TWO = new Resolution.Entity("topic:aukus-pillar-2", "AUKUS Pillar II", true);

  /** Resolves the knowledge-base terms of these tests; anything else (and every quoted phrase) is text. */
  private static final TermResolver RESOLVER = term -> term.quoted()
      ? new Resolution.Text(term.text())
      : Map.of("Japan", JAPAN, "Pillar II", PILLAR_TWO).getOrDefault(term.text(), new Resolution.Text(term.text()));

  private static Evaluation evaluate(String rule, ArticleEnriched article) {
    return RuleEvaluator.evaluate(ResolvedRule.of(rule, RESOLVER), article);
  }

  @Test
  void bothTagsMatchByIdWithTheirMentionsAsEvidence() {
    Evaluation evaluation = evaluate("Japan + Pillar II", article(TITLE, BODY, List.of(japan()), List.of(pillarTwo())));

    assertThat(evaluation.matched()).isTrue();
    List<AlertRaised.Reason> reasons = evaluation.termMatches().stream().map(TermMatch::toReason).toList();
    assertThat(reasons).extracting(AlertRaised.Reason::term).containsExactly("Japan", "Pillar II");
    assertThat(reasons).extracting(AlertRaised.Reason::matchedAs)
        .containsExactly("actor country:jp (Japan)", "topic topic:aukus-pillar-2 (AUKUS Pillar II)");
    // Japan: the title mention first, then the body's, at most three.
    assertThat(reasons.get(0).snippets()).hasSize(2).allSatisfy(snippet -> assertThat(highlighted(snippet)).isEqualTo("Japan"));
    assertThat(reasons.get(0).snippets()).extracting(Snippet::field).containsExactly(TextField.TITLE, TextField.BODY);
    assertThat(reasons.get(1).snippets()).singleElement().satisfies(snippet -> {
      assertThat(snippet.field()).isEqualTo(TextField.BODY);
      assertThat(highlighted(snippet)).isEqualTo("Pillar II");
      assertThat(snippet.text()).contains("talks related to Pillar II of the pact");
    });
  }

  @Test
  void aTermOfTheKnowledgeBaseNeedsTheTagNotJustTheWords() {
    // "Japan" is in the text, but the tagger did not tag it (say, a name of a ship): the rule does not match.
    Evaluation evaluation = evaluate("Japan + Pillar II", article(TITLE, BODY, List.of(), List.of(pillarTwo())));

    assertThat(evaluation.matched()).isFalse();
    // What did match is still reported, for previews.
    assertThat(evaluation.termMatches()).extracting(match -> match.leaf().display()).containsExactly("Pillar II");
  }

  @Test
  void anArticleWithJapanButWithoutTheTopicDoesNotMatch() {
    assertThat(evaluate("Japan + Pillar II", article(TITLE, BODY, List.of(japan()), List.of())).matched()).isFalse();
  }

  @Test
  void aTagMatchesAmongActorsOrTopicsWhateverTheList() {
    Tag pillarAmongActors = pillarTwo();

    assertThat(evaluate("Pillar II", article(TITLE, BODY, List.of(pillarAmongActors), List.of())).matched()).isTrue();
  }

  @Test
  void aTermOutsideTheKnowledgeBaseFallsBackToTextInTitleOrBody() {
    Evaluation evaluation = evaluate("hypersonic weapons + security pact", article(TITLE, BODY, List.of(), List.of()));

    assertThat(evaluation.matched()).isTrue();
    assertThat(evaluation.termMatches()).extracting(match -> match.toReason().matchedAs()).containsExactly("text", "text");
    // "Security Pact" in the title, "security pact" in the body: any case, title first.
    List<Snippet> pact = evaluation.termMatches().get(1).snippets();
    assertThat(pact).extracting(Snippet::field).containsExactly(TextField.TITLE, TextField.BODY);
    assertThat(pact).extracting(RuleEvaluatorTests::highlighted).containsExactly("Security Pact", "security pact");
  }

  @Test
  void aQuotedPhraseIsAlwaysText() {
    Evaluation evaluation = evaluate("\"Pillar II\"", article(TITLE, BODY, List.of(), List.of()));

    assertThat(evaluation.matched()).isTrue();
    assertThat(evaluation.termMatches()).singleElement().satisfies(match -> {
      assertThat(match.toReason().term()).isEqualTo("\"Pillar II\"");
      assertThat(match.toReason().matchedAs()).isEqualTo("text");
      assertThat(highlighted(match.snippets().getFirst())).isEqualTo("Pillar II");
    });
  }

  @Test
  void textMatchesWholeWordsOnly() {
    ArticleEnriched article = article("The impact of Japanese exports", "Pillar III talks and Pillar IIa drafts.", List.of(), List.of());

    assertThat(evaluate("pact", article).matched()).as("pact in impact").isFalse();
    assertThat(evaluate("\"Japan\"", article).matched()).as("Japan in Japanese").isFalse();
    assertThat(evaluate("\"Pillar II\"", article).matched()).as("Pillar II in Pillar III / IIa").isFalse();
    assertThat(evaluate("exports", article).matched()).isTrue();
    assertThat(evaluate("JAPANESE EXPORTS", article).matched()).as("any case").isTrue();
  }

  @Test
  void aPossessiveIsStillTheWordAndApostrophesAreEqual() {
    ArticleEnriched article = article("Kishida’s visit", "Nothing else.", List.of(), List.of());

    assertThat(evaluate("Kishida", article).matched()).isTrue();
    assertThat(evaluate("\"Kishida's visit\"", article).matched()).isTrue();
  }

  @Test
  void aPhraseMatchesAcrossLineBreaksAndTheSnippetCollapsesThem() {
    ArticleEnriched article = article("Talks", "Officials discussed   Pillar\n\n  II capabilities today.", List.of(), List.of());

    Evaluation evaluation = evaluate("\"pillar ii\"", article);

    assertThat(evaluation.matched()).isTrue();
    Snippet snippet = evaluation.termMatches().getFirst().snippets().getFirst();
    assertThat(snippet.text()).isEqualTo("Officials discussed Pillar II capabilities today.");
    assertThat(highlighted(snippet)).isEqualTo("Pillar II");
  }

  @Test
  void snippetsAreAboutOneHundredTwentyCharactersOfWholeWordsAroundTheMatch() {
    String filler = "lorem ipsum dolor sit amet consectetur ".repeat(10);
    String body = filler + "the second pillar of the pact " + filler;
    ArticleEnriched article = article("Talks", body, List.of(), List.of());

    Snippet snippet = evaluate("second pillar", article).termMatches().getFirst().snippets().getFirst();

    assertThat(snippet.text().length()).isBetween(90, 125);
    assertThat(highlighted(snippet)).isEqualTo("second pillar");
    assertThat(body).contains(snippet.text());
    // Whole words at both ends.
    assertThat(snippet.text()).doesNotStartWith(" ").doesNotEndWith(" ");
    int at = body.indexOf(snippet.text());
    assertThat(at == 0 || body.charAt(at - 1) == ' ').isTrue();
    int end = at + snippet.text().length();
    assertThat(end == body.length() || body.charAt(end) == ' ').isTrue();
  }

  @Test
  void aMatchNearTheStartGivesTheUnusedRoomToTheRight() {
    String body = "Japan " + "and more words follow here ".repeat(20);
    ArticleEnriched article = article("Talks", body, List.of(), List.of());

    Snippet snippet = evaluate("\"Japan\"", article).termMatches().getFirst().snippets().getFirst();

    assertThat(snippet.highlightStart()).isZero();
    assertThat(snippet.highlightEnd()).isEqualTo(5);
    assertThat(snippet.text().length()).isBetween(100, 121);
  }

  @Test
  void atMostThreeSnippetsPerTerm() {
    ArticleEnriched article = article("Quantum, quantum", "Quantum here. Quantum there. Quantum everywhere.", List.of(), List.of());

    assertThat(evaluate("quantum", article).termMatches().getFirst().snippets()).hasSize(3)
        .extracting(Snippet::field).containsExactly(TextField.TITLE, TextField.TITLE, TextField.BODY);
  }

  @Test
  void aTagWithOffsetsOutsideTheTextStillMatchesWithoutSnippets() {
    Tag broken = new Tag("country:jp", "Japan", "country", 1, 0.5, List.of(new Mention(TextField.TITLE, 500, 505, "Japan")));

    Evaluation evaluation = evaluate("Japan", article(TITLE, BODY, List.of(broken), List.of()));

    assertThat(evaluation.matched()).isTrue();
    assertThat(evaluation.termMatches().getFirst().snippets()).isEmpty();
  }

  @Test
  void termsAreResolvedOnce() {
    ResolvedRule rule = ResolvedRule.of("Japan + \"Pillar II\" + zeppelins", RESOLVER);

    assertThat(rule.resolutions().values()).extracting(Resolution::describe).containsExactly("actor country:jp (Japan)", "text", "text");
    assertThat(rule.rule().leaves()).extracting(Rule.Leaf::display).containsExactly("Japan", "\"Pillar II\"", "zeppelins");
  }

  @Test
  void orMatchesEitherAndReportsEveryAlternativeThatMatched() {
    ArticleEnriched article = article(TITLE, BODY, List.of(japan()), List.of(pillarTwo()));

    Evaluation evaluation = evaluate("Japan OR zeppelins | Pillar II", article);

    assertThat(evaluation.matched()).isTrue();
    assertThat(evaluation.termMatches()).extracting(match -> match.leaf().display()).containsExactly("Japan", "Pillar II");
    assertThat(evaluation.failedParts()).isEmpty();
    assertThat(evaluate("zeppelins | airships", article).failedParts()).containsExactly("zeppelins OR airships");
  }

  @Test
  void notRefusesAnArticleWithTheTermAndItsMatchIsNoEvidence() {
    ArticleEnriched both = article(TITLE, BODY, List.of(japan()), List.of(pillarTwo()));
    ArticleEnriched japanOnly = article(TITLE, BODY, List.of(japan()), List.of());

    Evaluation refused = evaluate("Japan + NOT Pillar II", both);
    assertThat(refused.matched()).isFalse();
    assertThat(refused.failedParts()).containsExactly("NOT Pillar II");
    assertThat(refused.termMatches()).extracting(match -> match.leaf().display()).containsExactly("Japan");

    assertThat(evaluate("Japan + -Pillar II", japanOnly).matched()).isTrue();
    assertThat(evaluate("-zeppelins", japanOnly).matched()).isTrue();
  }

  @Test
  void aMissSaysWhichPartsFailed() {
    Evaluation evaluation = evaluate("Japan + (zeppelins | airships) + pact + \"Pillar III\"", article(TITLE, BODY, List.of(), List.of()));

    assertThat(evaluation.matched()).isFalse();
    assertThat(evaluation.failedParts()).containsExactly("Japan", "zeppelins OR airships", "\"Pillar III\"");
    assertThat(evaluation.termMatches()).extracting(match -> match.leaf().display()).containsExactly("pact");
  }

  @Test
  void actorAndTopicFieldsNeedAnEntryOfThatKind() {
    ArticleEnriched article = article(TITLE, BODY, List.of(japan()), List.of(pillarTwo()));

    assertThat(evaluate("actor:Japan", article).termMatches()).singleElement()
        .satisfies(match -> assertThat(match.toReason().matchedAs()).isEqualTo("actor country:jp (Japan)"));
    assertThat(evaluate("topic:\"Pillar II\"", article).matched()).isTrue();
    // Pillar II is a topic, Japan an actor: the wrong field names nothing, and matches nothing, not even the words.
    ResolvedRule wrongKind = ResolvedRule.of("actor:\"Pillar II\" | topic:Japan", RESOLVER);
    assertThat(wrongKind.resolutions().values()).extracting(Resolution::describe).containsExactly("unknown actor", "unknown topic");
    assertThat(RuleEvaluator.evaluate(wrongKind, article).matched()).isFalse();
  }

  @Test
  void sourceAndLanguageFieldsLookAtTheArticle() {
    ArticleEnriched article = article(TITLE, BODY, List.of(), List.of());

    assertThat(evaluate("source:icaro", article).matched()).as("a word of the source name, any case").isTrue();
    assertThat(evaluate("source:\"ICARO Media Group\"", article).matched()).isTrue();
    assertThat(evaluate("source:file-import", article).matched()).as("the source id").isTrue();
    assertThat(evaluate("source:reuters", article).matched()).isFalse();
    assertThat(evaluate("lang:en", article).matched()).isTrue();
    assertThat(evaluate("lang:EN", article).matched()).isTrue();
    assertThat(evaluate("lang:fr", article).matched()).isFalse();
    assertThat(evaluate("lang:en + source:icaro", article).termMatches()).allSatisfy(match -> assertThat(match.snippets()).isEmpty());
  }

  @Test
  void theTitleFieldLooksAtTheTitleOnly() {
    ArticleEnriched article = article(TITLE, BODY, List.of(), List.of());

    Evaluation inTitle = evaluate("title:\"security pact\"", article);
    assertThat(inTitle.termMatches()).singleElement().satisfies(match -> {
      assertThat(match.toReason().matchedAs()).isEqualTo("text in title");
      assertThat(match.snippets()).extracting(Snippet::field).containsOnly(TextField.TITLE);
    });
    assertThat(evaluate("title:hypersonic", article).matched()).as("only in the body").isFalse();
  }

  @Test
  void aPrefixMatchesTheStartOfWholeWords() {
    ArticleEnriched article = article(TITLE, BODY, List.of(), List.of());

    Evaluation evaluation = evaluate("hyperson*", article);
    assertThat(evaluation.matched()).isTrue();
    assertThat(highlighted(evaluation.termMatches().getFirst().snippets().getFirst())).isEqualTo("hypersonic");
    assertThat(evaluate("QUANT*", article).matched()).isTrue();
    assertThat(evaluate("ersonic*", article).matched()).as("not inside a word").isFalse();
  }

  @Test
  void proximityNeedsAllWordsWithinTheDistanceInAnyOrder() {
    ArticleEnriched article = article("Talks", "The submarine deal, long delayed, now includes Japan as a partner.", List.of(), List.of());

    // submarine is word 1, Japan word 7: six positions apart.
    Evaluation near = evaluate("\"Japan submarine\"~6", article);
    assertThat(near.matched()).isTrue();
    assertThat(highlighted(near.termMatches().getFirst().snippets().getFirst())).isEqualTo("submarine deal, long delayed, now includes Japan");
    assertThat(near.termMatches().getFirst().toReason().matchedAs()).isEqualTo("words within 6");
    assertThat(evaluate("\"Japan submarine\"~5", article).matched()).isFalse();
    assertThat(evaluate("\"japan PARTNER deal\"~10", article).matched()).isTrue();
    assertThat(evaluate("\"Japan zeppelin\"~50", article).matched()).isFalse();
  }

  private static String highlighted(Snippet snippet) {
    return snippet.text().substring(snippet.highlightStart(), snippet.highlightEnd());
  }
}
