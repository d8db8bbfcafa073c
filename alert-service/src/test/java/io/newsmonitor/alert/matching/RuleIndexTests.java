package io.newsmonitor.alert.matching;

import static io.newsmonitor.alert.matching.Articles.BODY;
import static io.newsmonitor.alert.matching.Articles.TITLE;
import static io.newsmonitor.alert.matching.Articles.article;
import static io.newsmonitor.alert.matching.Articles.japan;
import static io.newsmonitor.alert.matching.Articles.pillarTwo;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.events.ArticleEnriched;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What rules are indexed by, and which rules an article brings up. */
class RuleIndexTests {

  private static final Resolution JAPAN = new Resolution.Entity("country:jp", "Japan", false);
  private static final Resolution KOREA = new Resolution.Entity("country:kr", "South Korea", false);
  private static final Resolution PILLAR_TWO = new Resolution.Entity("topic:aukus-pillar-2", "AUKUS Pillar II", true);

  private static final TermResolver RESOLVER = term -> term.quoted()
      ? new Resolution.Text(term.text())
      : Map.of("Japan", JAPAN, "Korea", KOREA, "Pillar II", PILLAR_TWO).getOrDefault(term.text(), new Resolution.Text(term.text()));

  private static final ArticleEnriched JAPAN_AND_PILLAR_TWO = article(TITLE, BODY, List.of(japan()), List.of(pillarTwo()));
  private static final ArticleEnriched JAPAN_ONLY = article(TITLE, BODY, List.of(japan()), List.of());

  private static List<Set<Anchor>> clauses(String rule) {
    return Anchors.clauses(ResolvedRule.of(rule, RESOLVER));
  }

  private static Anchor tag(String id) {
    return new Anchor(Anchor.Kind.TAG, id);
  }

  private static Anchor word(String word) {
    return new Anchor(Anchor.Kind.WORD, word);
  }

  private static List<String> candidates(ArticleEnriched article, String... rules) {
    RuleIndex<String> index = RuleIndex.of(IntStream.range(0, rules.length).mapToObj(i -> new RuleIndex.Entry<>(rules[i], ResolvedRule.of(rules[i], RESOLVER))).toList());
    return index.candidates(PreparedArticle.of(article)).stream().map(RuleIndex.Entry::key).toList();
  }

  @Test
  void aRuleOfNotsOnlyRequiresNothingAndIsAlwaysACandidate() {
    assertThat(clauses("-Japan")).isEmpty();
    assertThat(clauses("NOT Japan OR Korea")).isEmpty();
    assertThat(candidates(JAPAN_AND_PILLAR_TWO, "-Japan")).containsExactly("-Japan");
  }

  @Test
  void twoTagsAreBothRequiredTheTopicFirst() {
    assertThat(clauses("Japan + Pillar II")).containsExactly(Set.of(tag("topic:aukus-pillar-2")), Set.of(tag("country:jp")));

    assertThat(candidates(JAPAN_AND_PILLAR_TWO, "Japan + Pillar II", "Korea + Pillar II")).containsExactly("Japan + Pillar II");
    assertThat(candidates(JAPAN_ONLY, "Japan + Pillar II")).isEmpty();
  }

  @Test
  void aNotBesideOtherOperandsRequiresOnlyThem() {
    assertThat(clauses("Japan AND NOT Korea")).containsExactly(Set.of(tag("country:jp")));
    assertThat(clauses("Japan + Korea + \"submarine deal\"")).hasSize(Anchors.MAX_CLAUSES);
  }

  @Test
  void anOrRequiresOneOfItsAlternatives() {
    assertThat(clauses("Japan OR Korea")).containsExactly(Set.of(tag("country:jp"), tag("country:kr")));
    assertThat(clauses("(Japan OR -Korea) + Pillar II")).containsExactly(Set.of(tag("topic:aukus-pillar-2")));
  }

  @Test
  void aPhraseIsAnchoredOnItsRarestWordInAnyCase() {
    assertThat(clauses("\"the Security PACT of\"")).containsExactly(Set.of(word("security")));
    assertThat(candidates(JAPAN_ONLY, "\"aukus security\"", "\"security council\"")).containsExactly("\"aukus security\"", "\"security council\"");
  }

  @Test
  void aPrefixIsLookedUpByTheStartsOfTheArticlesWords() {
    assertThat(clauses("hyperson*")).containsExactly(Set.of(new Anchor(Anchor.Kind.PREFIX, "hyperson")));
    assertThat(clauses("anti-hyperson*")).containsExactly(Set.of(new Anchor(Anchor.Kind.PREFIX, "hyperson")));
    assertThat(candidates(JAPAN_ONLY, "hyperson*", "quant*", "quantumx*")).containsExactly("hyperson*", "quant*");
  }

  @Test
  void anUnknownActorOrTopicMatchesNothingAndIsNeverACandidate() {
    assertThat(clauses("actor:Atlantis + Japan")).containsExactly(Set.of());
    assertThat(candidates(JAPAN_AND_PILLAR_TWO, "actor:Atlantis", "actor:Atlantis OR Japan")).containsExactly("actor:Atlantis OR Japan");
  }

  @Test
  void sourceAndLanguageAreLookedUp() {
    assertThat(candidates(JAPAN_ONLY, "source:icaro", "source:reuters", "lang:en", "lang:fr")).containsExactly("source:icaro", "lang:en");
  }
}
