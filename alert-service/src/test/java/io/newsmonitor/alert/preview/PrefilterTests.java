package io.newsmonitor.alert.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.matching.Resolution;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.TermResolver;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the prefilter asks PostgreSQL for each kind of rule. */
class PrefilterTests {

  private static final TermResolver RESOLVER = term -> switch (term.quoted() ? "" : term.text()) {
    case "Japan" -> new Resolution.Entity("country:jp", "Japan", false);
    case "Pillar II" -> new Resolution.Entity("topic:aukus-pillar-2", "AUKUS Pillar II", true);
    default -> new Resolution.Text(term.text());
  };

  private static Prefilter of(String rule) {
    return Prefilter.of(ResolvedRule.of(rule, RESOLVER), false);
  }

  @Test
  void tagsAreExactConditionsOnTheTagIds() {
    Prefilter prefilter = of("Japan + Pillar II");

    assertThat(prefilter.sql()).isEqualTo("(tag_ids @> ? and tag_ids @> ?)");
    assertThat(prefilter.parameters()).containsExactly(new String[] {"country:jp"}, new String[] {"topic:aukus-pillar-2"});
    assertThat(prefilter.exact()).isTrue();
  }

  @Test
  void aPhraseNeedsEveryOneOfItsFoldedWords() {
    Prefilter prefilter = of("\"Pillar  II\" OR \"Japan's ÉTÉ\"");

    assertThat(prefilter.sql()).isEqualTo("(tokens @@ ?::tsquery or tokens @@ ?::tsquery)");
    assertThat(prefilter.parameters()).containsExactly("'pillar' & 'ii'", "'japan' & 's' & 'été'");
    assertThat(prefilter.exact()).isFalse();
  }

  @Test
  void aPrefixIsATokenPrefixAndAProximityNeedsItsWords() {
    assertThat(of("hyperson*").parameters()).containsExactly("'hyperson':*");
    assertThat(of("u.s*").parameters()).containsExactly("'u' & 's':*");
    assertThat(of("\"Japan submarine\"~10").parameters()).containsExactly("'japan' & 'submarine'");
  }

  @Test
  void aNotRestrictsOnlyWhenItsOperandIsExact() {
    assertThat(of("Japan AND NOT Pillar II").sql()).isEqualTo("(tag_ids @> ? and not (tag_ids @> ?))");
    assertThat(of("Japan AND NOT \"Pillar II\"").sql()).isEqualTo("tag_ids @> ?");
    assertThat(of("NOT \"Pillar II\"").sql()).isEqualTo("true");
    assertThat(of("NOT actor:Atlantis").sql()).isEqualTo("true");
    assertThat(of("actor:Atlantis OR topic:Atlantis").sql()).isEqualTo("false");
  }

  @Test
  void whatCannotBeIndexedDoesNotRestrict() {
    assertThat(of("\"Japan\" OR source:reuters").sql()).isEqualTo("true");
    assertThat(of("Japan AND lang:en").sql()).isEqualTo("tag_ids @> ?");
    assertThat(of("\"+\"").sql()).isEqualTo("true");
  }

  @Test
  void articlesWithoutTokensPassEveryTextCondition() {
    Prefilter prefilter = Prefilter.of(ResolvedRule.of("\"Pillar II\"", RESOLVER), true);

    assertThat(prefilter.sql()).isEqualTo("(tokens @@ ?::tsquery or tokens is null)");
  }

  @Test
  void tokensAreFoldedAsTheMatcherComparesAndLongOnesAreCut() {
    assertThat(Tokens.of("Pillar  II, Japan’s ΟΔΟΣ x_y")).containsExactly("pillar", "ii", "japan", "s", "οδοσ", "x_y");
    assertThat(Tokens.of("a".repeat(300))).containsExactly("a".repeat(Tokens.MAX_LENGTH));
    assertThat(Tokens.ofArticle("Title", "word ".repeat(10))).hasValueSatisfying(tokens -> assertThat(tokens).containsExactly("title", "word"));
    String manyWords = String.join(" ", IntStream.range(0, 60_000).mapToObj(n -> "w" + n).toList());
    assertThat(Tokens.ofArticle("Title", manyWords)).isEmpty();
    assertThat(List.of(Tokens.endsInWord("u.s"), Tokens.endsInWord("u.s."))).containsExactly(true, false);
  }
}
