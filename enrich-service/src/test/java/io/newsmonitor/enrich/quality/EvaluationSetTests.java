package io.newsmonitor.enrich.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmonitor.enrich.quality.EvaluationSet.MalformedEvaluationSetException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks that keep a label typo from silently lowering a score, and the scoring arithmetic. */
class EvaluationSetTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aWellFormedSetLoads() {
    EvaluationSet set = EvaluationSet.parse(validSet(article -> {
    }));
    assertThat(set.articles()).singleElement().satisfies(article -> {
      assertThat(article.expectedActors()).containsExactlyInAnyOrder("country:jp", "alliance:aukus", "organisation:oecd", "person:fumio-kishida");
      assertThat(article.expectedTopics()).containsExactly("topic:aukus-pillar-2");
    });
  }

  @Test
  void emptyLabelListsAreAllowed() {
    EvaluationSet set = EvaluationSet.parse(validSet(article -> {
      article.putArray("actors");
      article.putArray("topics");
      article.putArray("traps");
    }));
    assertThat(set.articles().getFirst().expectedActors()).isEmpty();
  }

  static Stream<Arguments> malformedArticles() {
    return Stream.of(
        malformed("unknown actor type", a -> a.withArray("actors").add("place:tokyo"), "type must be one of"),
        malformed("country that is not ISO 3166-1", a -> a.withArray("actors").add("country:xx"), "not an ISO 3166-1"),
        malformed("country in upper case", a -> a.withArray("actors").add("country:JP"), "not an ISO 3166-1"),
        malformed("alliance outside the contract", a -> a.withArray("actors").add("alliance:warsaw-pact"), "not an alliance"),
        malformed("person without first-last", a -> a.withArray("actors").add("person:kishida"), "person:<first-last>"),
        malformed("organisation with spaces", a -> a.withArray("actors").add("organisation:world bank"), "organisation:<lower-case-slug>"),
        malformed("unknown topic", a -> a.withArray("topics").add("topic:aukus-pillar-two"), "not a topic of the id contract"),
        malformed("topic among the actors", a -> a.withArray("actors").add("topic:pensions"), "type must be one of"),
        malformed("label listed twice", a -> a.withArray("actors").add("country:jp"), "listed twice"),
        malformed("missing title", a -> a.remove("title"), "title is missing"),
        malformed("blank body", a -> a.put("body", "  "), "body is missing"),
        malformed("body too short", a -> a.put("body", "Too short."), "words, not 80 to 250"),
        malformed("missing actors list", a -> a.remove("actors"), "actors is missing"),
        malformed("unknown language", a -> a.put("language", "de"), "language must be one of"),
        malformed("id in another shape", a -> a.put("id", "article 1"), "id must be"),
        malformed("id of another language", a -> a.put("id", "fr-def-01"), "must start with the language"),
        malformed("unknown domain", a -> a.put("domain", "fashion"), "domain must be one of"));
  }

  @ParameterizedTest
  @MethodSource("malformedArticles")
  void malformedArticlesAreRejected(Consumer<ObjectNode> breakIt, String problem) {
    assertThatThrownBy(() -> EvaluationSet.parse(validSet(breakIt)))
        .isInstanceOf(MalformedEvaluationSetException.class)
        .satisfies(e -> assertThat(((MalformedEvaluationSetException) e).problems()).anySatisfy(p -> assertThat(p).contains(problem)));
  }

  @Test
  void duplicateIdsUnknownFieldsAndBrokenJsonAreRejected() {
    String twice = validSet(article -> {
    }).replace("\"articles\":[", "\"articles\":[" + articleJson(a -> {
    }) + ",");
    assertThatThrownBy(() -> EvaluationSet.parse(twice)).hasMessageContaining("duplicate id");
    assertThatThrownBy(() -> EvaluationSet.parse(validSet(a -> a.put("salience", 1)))).hasMessageContaining("not an evaluation set");
    assertThatThrownBy(() -> EvaluationSet.parse("{\"articles\": [")).isInstanceOf(MalformedEvaluationSetException.class);
    assertThatThrownBy(() -> EvaluationSet.parse("{\"labellingRule\": [\"x\"], \"articles\": []}")).hasMessageContaining("articles is missing or empty");
  }

  @Test
  void scoresAreMicroAveragedOverArticles() {
    GroupScore score = new GroupScore();
    score.count(Set.of("country:jp", "country:us"), Set.of("country:jp", "country:ge"));
    score.count(Set.of("country:td"), Set.of());
    score.count(Set.of(), Set.of());
    assertThat(score.truePositives()).isEqualTo(1);
    assertThat(score.falsePositives()).isEqualTo(1);
    assertThat(score.falseNegatives()).isEqualTo(2);
    assertThat(score.precision()).isEqualTo(0.5);
    assertThat(score.recall()).isEqualTo(1.0 / 3);
    assertThat(score.f1()).isCloseTo(0.4, offset(1e-9));

    GroupScore nothing = new GroupScore();
    assertThat(List.of(nothing.precision(), nothing.recall(), nothing.f1())).containsExactly(1.0, 1.0, 1.0);
  }

  private static Arguments malformed(String name, Consumer<ObjectNode> breakIt, String problem) {
    return Arguments.of(Named.of(name, breakIt), problem);
  }

  private static String validSet(Consumer<ObjectNode> change) {
    return "{\"labellingRule\":[\"an actor is expected when named\"],\"articles\":[" + articleJson(change) + "]}";
  }

  private static String articleJson(Consumer<ObjectNode> change) {
    ObjectNode article = MAPPER.createObjectNode()
        .put("id", "en-def-01")
        .put("language", "en")
        .put("domain", "defence")
        .put("title", "Japan weighs AUKUS Pillar II role")
        .put("body", "Japan said it would join an AUKUS Pillar II project. ".repeat(10));
    article.putArray("actors").add("country:jp").add("alliance:aukus").add("organisation:oecd").add("person:fumio-kishida");
    article.putArray("topics").add("topic:aukus-pillar-2");
    article.putArray("traps").add("wording 'Pillar II'");
    change.accept(article);
    return article.toString();
  }
}
