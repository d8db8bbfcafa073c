package io.newsmonitor.alert.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.RuleEvaluator;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.alert.rule.RuleArbitraries;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The prefilter never drops a match: over a few dozen stored articles with random words and tags, a preview (prefilter,
 * then exact evaluation) answers exactly what evaluating every stored article answers, for random rules of every kind.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PrefilterPropertyTests {

  private static final int ARTICLES = 48;
  private static final int RULES = 400;
  private static final int DAYS = 30;

  /** Names the knowledge base knows (bare, they are tags), with the ids the articles are tagged with. */
  private static final List<String> NAMES = List.of("Japan", "China", "Australia", "AUKUS", "Pillar II", "Tokyo");
  private static final List<String> TAG_IDS = List.of("country:jp", "country:cn", "country:au", "alliance:aukus", "topic:aukus-pillar-2");

  /** Words of the texts: cases, accents, apostrophes, dots, digits, and words some stems start. */
  private static final List<String> WORDS = List.of("submarine", "Submarines", "SUBSEA", "quantum", "hypersonic", "Hypersonics", "pact", "Japan's",
      "japan", "U.S.", "été", "ÉTÉ", "Straße", "pillar", "II", "2", "Pillar", "Two", "x_y", "défense", "Japanese", "talks");
  private static final List<String> STEMS = List.of("sub", "Sub", "hyper", "qua", "jap", "é", "U.S", "u.", "pil", "tw", "x_", "zz");

  @Inject
  PreviewService preview;

  @Inject
  StoredArticles storedArticles;

  @Inject
  TermResolver resolver;

  @Test
  void previewAnswersWhatEvaluatingEveryStoredArticleAnswers() {
    Random random = new Random(20261129L);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<ArticleEnriched> articles = new ArrayList<>();
    for (int n = 0; n < ARTICLES; n++) {
      articles.add(article(run + "-" + n, random));
    }
    QuarkusTransaction.requiringNew().run(() -> articles.forEach(storedArticles::store));
    List<ArticleEnriched> everyStored = new ArrayList<>();
    QuarkusTransaction.requiringNew().run(() -> storedArticles.scan(Prefilter.none(), Instant.now().minus(DAYS, ChronoUnit.DAYS), 100, everyStored::add));
    assertThat(everyStored).hasSizeGreaterThanOrEqualTo(ARTICLES).hasSizeLessThan(PreviewService.MAX_LIMIT);

    int rulesThatMatched = 0;
    for (Rule rule : rules().sampleStream().limit(RULES).toList()) {
      String text = rule.toText();
      ResolvedRule resolved = ResolvedRule.of(text, resolver);
      List<String> expected = everyStored.stream().filter(article -> RuleEvaluator.evaluate(resolved, article).matched())
          .map(article -> article.article().id()).toList();

      PreviewResult result = preview.preview(new PreviewRequest(text, DAYS, PreviewService.MAX_LIMIT, null));

      assertThat(result.matches()).as("matches of %s, prefilter %s", text, Prefilter.of(resolved, false))
          .extracting(PreviewResult.Match::articleId).containsExactlyElementsOf(expected);
      rulesThatMatched += expected.isEmpty() ? 0 : 1;
    }
    // The rules are not all trivially empty: the property says something.
    assertThat(rulesThatMatched).isGreaterThan(RULES / 5);
  }

  private static Arbitrary<Rule> rules() {
    Arbitrary<String> name = Arbitraries.of(NAMES);
    Arbitrary<String> word = Arbitraries.of(WORDS);
    Arbitrary<Rule.Leaf> tag = name.map(text -> new Rule.Term(text, false, 0));
    Arbitrary<Rule.Leaf> bareWord = word.map(text -> new Rule.Term(text.replace(".", ""), false, 0));
    Arbitrary<Rule.Leaf> phrase = word.list().ofMinSize(1).ofMaxSize(3).map(words -> new Rule.Term(String.join(" ", words), true, 0));
    Arbitrary<Rule.Leaf> field = Combinators.combine(Arbitraries.of(Rule.FieldName.class), Arbitraries.oneOf(name, word, Arbitraries.of("en", "Tests")))
        .as((fieldName, value) -> new Rule.Field(fieldName, new Rule.Term(value, true, 0), 0));
    Arbitrary<Rule.Leaf> near = Combinators.combine(word.list().ofMinSize(2).ofMaxSize(3), Arbitraries.integers().between(0, 6))
        .as((words, distance) -> new Rule.Proximity(words, distance, 0));
    Arbitrary<Rule.Leaf> prefix = Arbitraries.of(STEMS).map(stem -> new Rule.Prefix(stem, 0));
    return RuleArbitraries.rules(Arbitraries.frequencyOf(Tuple.of(4, tag), Tuple.of(2, bareWord), Tuple.of(3, phrase), Tuple.of(1, field),
        Tuple.of(1, near), Tuple.of(2, prefix), Tuple.of(1, RuleArbitraries.anyLeaf())));
  }

  /** A few words in title and body, some tags, published in the last days. */
  private static ArticleEnriched article(String id, Random random) {
    String title = words(random, 1 + random.nextInt(4), NAMES);
    String body = words(random, 3 + random.nextInt(12), WORDS) + " " + words(random, random.nextInt(3), NAMES);
    ArticleIngested ingested = new ArticleIngested("prop-" + id, 1, null, new SourceRef("tests", "Tests"), title, body, null,
        random.nextBoolean() ? "en" : "fr", Instant.now().minus(random.nextInt(DAYS * 24 - 48), ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS)
        .atOffset(ZoneOffset.UTC), false, Instant.now(), "sha256:0");
    List<Tag> tags = new ArrayList<>();
    for (String tagId : TAG_IDS) {
      if (random.nextInt(3) == 0) {
        tags.add(new Tag(tagId, tagId, tagId.startsWith("topic") ? "topic" : "country", 0, 0.5, List.of()));
      }
    }
    List<Tag> topics = tags.stream().filter(tag -> tag.id().startsWith("topic")).toList();
    List<Tag> actors = tags.stream().filter(tag -> !tag.id().startsWith("topic")).toList();
    return new ArticleEnriched(ingested, actors, topics, "story-" + id, "2.0.0", Instant.now());
  }

  private static String words(Random random, int count, List<String> from) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      words.add(from.get(random.nextInt(from.size())));
    }
    return String.join(random.nextBoolean() ? " " : ", ", words);
  }
}
