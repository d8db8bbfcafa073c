package io.newsmonitor.alert.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.alert.rule.RuleArbitraries;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** The index finds exactly the rules that evaluating every rule finds, on random rules and articles. */
class RuleIndexPropertyTests {

  private static final List<String> NAMES = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo");

  /**
   * Words of rules and articles: cases, accents, apostrophes, dashes, and the characters whose case folding differs between
   * a regex and {@code toLowerCase} (long s, dotted capital I, final sigma).
   */
  private static final List<String> VOCABULARY = List.of("pact", "Pact", "PACT", "submarine", "Submarines", "sub", "ſub", "é", "É", "x-y",
      "a'b", "a’b", "İ", "i̇", "i", "ΟΔΟΣ", "οδος", "under_score", "42", "Ⅱ", "+", "(", "x", "J", "an", "Japan's", "Japan");

  private static final TermResolver RESOLVER = term -> !term.quoted() && NAMES.contains(term.text())
      ? new Resolution.Entity(id(term.text()), term.text(), NAMES.indexOf(term.text()) >= 3)
      : new Resolution.Text(term.text());

  @Property(tries = 1000)
  void theIndexMatchesWhatEveryRuleEvaluatedMatches(@ForAll("ruleLists") List<Rule> rules, @ForAll("articles") ArticleEnriched article) {
    List<RuleIndex.Entry<Integer>> entries = IntStream.range(0, rules.size())
        .mapToObj(i -> new RuleIndex.Entry<>(i, ResolvedRule.of(rules.get(i).toText(), rules.get(i), RESOLVER)))
        .toList();
    RuleIndex<Integer> index = RuleIndex.of(entries);
    PreparedArticle prepared = PreparedArticle.of(article);

    List<Integer> naive = entries.stream().filter(entry -> RuleEvaluator.evaluate(entry.rule(), article).matched()).map(RuleIndex.Entry::key).toList();
    List<Integer> candidates = index.candidates(prepared).stream().map(RuleIndex.Entry::key).toList();
    List<Integer> matches = index.matches(prepared).stream().map(RuleIndex.Entry::key).toList();

    Statistics.label("matches").collect(naive.isEmpty() ? "none" : "some");
    Statistics.label("candidates filtered out").collect(candidates.size() < rules.size() ? "some" : "none");
    assertThat(matches).isEqualTo(naive);
    assertThat(candidates).containsAll(naive);
  }

  @Property(tries = 1000)
  void wordsAreTheRunsTheEvaluatorSearches(@ForAll("texts") String text) {
    List<String> words = new ArrayList<>();
    Words.forEach(text, words::add);

    assertThat(words).isEqualTo(Pattern.compile("[\\p{L}\\p{N}_]+").matcher(text).results().map(MatchResult::group).toList());
  }

  @Provide
  Arbitrary<List<Rule>> ruleLists() {
    Arbitrary<Rule.Leaf> tag = Arbitraries.of(NAMES).map(name -> new Rule.Term(name, false, 0));
    Arbitrary<Rule.Leaf> field = Combinators.combine(Arbitraries.of(Rule.FieldName.class), Arbitraries.of(NAMES), Arbitraries.of(VOCABULARY),
            Arbitraries.of("en", "EN", "fr", "en-gb", "gb", "wire", "Benchmark"), Arbitraries.of(true, false))
        .as((name, entity, word, property, quoted) -> new Rule.Field(name, new Rule.Term(switch (name) {
          case ACTOR, TOPIC -> entity;
          case TITLE -> word;
          case SOURCE, LANG -> property;
        }, quoted, 0), 0));
    Arbitrary<Rule.Leaf> phrase = Combinators.combine(Arbitraries.of(VOCABULARY).list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(true, false))
        .as((words, quoted) -> new Rule.Term(String.join(" ", words), quoted, 0));
    Arbitrary<Rule.Leaf> near = Combinators.combine(Arbitraries.of(VOCABULARY).list().ofMinSize(2).ofMaxSize(3), Arbitraries.integers().between(0, 4))
        .as((words, distance) -> new Rule.Proximity(words, distance, 0));
    Arbitrary<Rule.Leaf> prefix = Arbitraries.of("su", "Sub", "ſu", "pa", "x-", "x-y", "a'", "İ", "i", "οδ", "ΟΔ", "under", "4", "Jap", "zz")
        .map(stem -> new Rule.Prefix(stem, 0));
    Arbitrary<Rule.Leaf> leaves = Arbitraries.frequencyOf(Tuple.of(4, tag), Tuple.of(2, field), Tuple.of(4, phrase), Tuple.of(1, near),
        Tuple.of(2, prefix), Tuple.of(1, RuleArbitraries.anyLeaf()));
    return RuleArbitraries.rules(leaves).list().ofMinSize(1).ofMaxSize(20);
  }

  @Provide
  Arbitrary<ArticleEnriched> articles() {
    // Words apart as in real text: white space of any kind, or punctuation, which a phrase may not cross.
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "  ", "\u00A0", "\n", ", ", "-", "’", "\u2003");
    Arbitrary<String> text = Combinators.combine(Arbitraries.of(VOCABULARY), separator).as((word, apart) -> word + apart).list().ofMaxSize(12)
        .map(words -> String.join("", words));
    Arbitrary<List<Tag>> tags = Arbitraries.of(NAMES).set().ofMaxSize(3).map(names -> names.stream().map(name -> tag(id(name))).toList());
    Arbitrary<SourceRef> source = Arbitraries.of(new SourceRef("wire", "Benchmark Wire"), new SourceRef("reuters", "Reuters"), new SourceRef("x-y", "GB news"));
    Arbitrary<String> language = Arbitraries.of("en", "en-GB", "fr", "EN-gb").injectNull(0.1);
    return Combinators.combine(text, text, tags, tags, source, language).as((title, body, actors, topics, from, lang) -> {
      ArticleIngested base = Articles.article("", "", List.of(), List.of()).article();
      ArticleIngested ingested = new ArticleIngested(base.id(), base.revision(), base.url(), from, title, body, base.summary(), lang, base.published(),
          base.publishedEstimated(), base.ingestedAt(), base.contentHash());
      return new ArticleEnriched(ingested, actors, topics, "story", "1.0.0", base.ingestedAt());
    });
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.of(VOCABULARY).list().ofMaxSize(8).map(words -> String.join(" ", words)));
  }

  private static String id(String name) {
    return "x:" + name.toLowerCase(Locale.ROOT);
  }

  private static Tag tag(String id) {
    return new Tag(id, id, "country", 0, 0.5, List.of());
  }
}
