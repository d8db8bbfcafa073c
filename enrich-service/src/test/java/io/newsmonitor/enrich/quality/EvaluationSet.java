package io.newsmonitor.enrich.quality;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The labelled articles of {@value #RESOURCE} (see docs/quality.md), checked against the knowledge-base id contract as they load, so that a
 * typo in a label fails the build instead of quietly lowering a score.
 *
 * @param description what the set is
 * @param labellingRule how the labels were decided, one sentence per element
 * @param articles the articles
 */
record EvaluationSet(String description, List<String> labellingRule, List<Article> articles) {

  static final String RESOURCE = "/evaluation/articles.json";
  static final Set<String> LANGUAGES = Set.of("en", "fr");
  static final Set<String> DOMAINS = Set.of("defence", "diplomacy", "tax", "banking", "sport", "science");
  static final Set<String> ACTOR_TYPES = Set.of("country", "alliance", "organisation", "person");
  static final String TOPIC_TYPE = "topic";
  /** Short enough to label with care, long enough to read like news. */
  static final int MIN_WORDS = 80;
  static final int MAX_WORDS = 250;

  /** The closed lists of the id contract; organisations and people are open and only checked for form. */
  static final Set<String> ALLIANCES = Set.of("alliance:aukus", "alliance:quad", "alliance:nato", "alliance:five-eyes");
  static final Set<String> TOPICS = Set.of("topic:aukus-pillar-1", "topic:aukus-pillar-2", "topic:hypersonic-weapons",
      "topic:quantum-technology", "topic:artificial-intelligence", "topic:cyber-security", "topic:taiwan-strait", "topic:south-china-sea",
      "topic:korean-peninsula", "topic:global-minimum-tax", "topic:bank-capital-rules", "topic:pensions", "topic:semiconductors",
      "topic:climate-change", "topic:nuclear-weapons", "topic:space", "topic:trade-tariffs", "topic:elections");
  private static final Set<String> COUNTRIES = Arrays.stream(Locale.getISOCountries())
      .map(code -> "country:" + code.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  private static final Pattern ORGANISATION = Pattern.compile("organisation:[a-z0-9]+(-[a-z0-9]+)*");
  /** {@code person:<first-last>}: at least two parts. */
  private static final Pattern PERSON = Pattern.compile("person:[a-z0-9]+(-[a-z0-9]+)+");
  private static final Pattern ARTICLE_ID = Pattern.compile("[a-z]{2}-[a-z]+-\\d{2}");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One labelled article.
   *
   * @param id {@code <language>-<domain>-<nn>}, unique
   * @param actors expected ids of types country, alliance, organisation and person; may be empty
   * @param topics expected topic ids; may be empty
   * @param traps what the article tests, for the reader of a failure
   */
  record Article(String id, String language, String domain, String title, String body, List<String> actors, List<String> topics, List<String> traps) {

    Set<String> expectedActors() {
      return Set.copyOf(actors);
    }

    Set<String> expectedTopics() {
      return Set.copyOf(topics);
    }
  }

  /** The set shipped in the test resources. */
  static EvaluationSet load() {
    try (InputStream in = EvaluationSet.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and checks a set.
   *
   * @throws MalformedEvaluationSetException listing every problem found, when the JSON or any label breaks the format or the id contract
   */
  static EvaluationSet parse(String json) {
    EvaluationSet set;
    try {
      set = MAPPER.readValue(json, EvaluationSet.class);
    } catch (JacksonException e) {
      throw new MalformedEvaluationSetException(List.of("not an evaluation set: " + e.getOriginalMessage()));
    }
    List<String> problems = set.problems();
    if (!problems.isEmpty()) {
      throw new MalformedEvaluationSetException(problems);
    }
    return set;
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (labellingRule == null || labellingRule.isEmpty()) {
      problems.add("labellingRule is missing");
    }
    if (articles == null || articles.isEmpty()) {
      problems.add("articles is missing or empty");
      return problems;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < articles.size(); i++) {
      Article article = articles.get(i);
      if (article == null) {
        problems.add("articles[" + i + "] is null");
        continue;
      }
      String where = article.id() == null ? "articles[" + i + "]" : article.id();
      if (article.id() == null || !ARTICLE_ID.matcher(article.id()).matches()) {
        problems.add(where + ": id must be <language>-<domain abbreviation>-<nn>, e.g. en-def-01");
      } else if (!seen.add(article.id())) {
        problems.add(where + ": duplicate id");
      }
      if (!LANGUAGES.contains(article.language())) {
        problems.add(where + ": language must be one of " + LANGUAGES + ", was " + article.language());
      } else if (article.id() != null && !article.id().startsWith(article.language() + "-")) {
        problems.add(where + ": id must start with the language, " + article.language());
      }
      if (!DOMAINS.contains(article.domain())) {
        problems.add(where + ": domain must be one of " + DOMAINS + ", was " + article.domain());
      }
      if (isBlank(article.title())) {
        problems.add(where + ": title is missing");
      }
      if (isBlank(article.body())) {
        problems.add(where + ": body is missing");
      } else {
        int words = article.body().strip().split("\\s+").length;
        if (words < MIN_WORDS || words > MAX_WORDS) {
          problems.add(where + ": body has " + words + " words, not " + MIN_WORDS + " to " + MAX_WORDS);
        }
      }
      checkLabels(where, "actors", article.actors(), EvaluationSet::actorProblem, problems);
      checkLabels(where, "topics", article.topics(), id -> TOPICS.contains(id) ? null : "not a topic of the id contract", problems);
      if (article.traps() == null || article.traps().stream().anyMatch(EvaluationSet::isBlank)) {
        problems.add(where + ": traps must be a list (possibly empty) of notes");
      }
    }
    return problems;
  }

  private static void checkLabels(String where, String field, List<String> ids, Function<String, String> problemOf,
      List<String> problems) {
    if (ids == null) {
      problems.add(where + ": " + field + " is missing (an empty list means nothing is expected)");
      return;
    }
    Set<String> distinct = new HashSet<>();
    for (String id : ids) {
      String problem = id == null ? "null id" : problemOf.apply(id);
      if (problem != null) {
        problems.add(where + ": " + field + " " + id + ": " + problem);
      } else if (!distinct.add(id)) {
        problems.add(where + ": " + field + " " + id + ": listed twice");
      }
    }
  }

  /** Why an actor id breaks the contract, or {@code null} when it keeps it. */
  private static String actorProblem(String id) {
    String type = id.contains(":") ? id.substring(0, id.indexOf(':')) : "";
    return switch (type) {
      case "country" -> COUNTRIES.contains(id) ? null : "not an ISO 3166-1 alpha-2 code in lower case";
      case "alliance" -> ALLIANCES.contains(id) ? null : "not an alliance of the id contract " + ALLIANCES;
      case "organisation" -> ORGANISATION.matcher(id).matches() ? null : "organisation ids are organisation:<lower-case-slug>";
      case "person" -> PERSON.matcher(id).matches() ? null : "person ids are person:<first-last>";
      default -> "type must be one of " + ACTOR_TYPES;
    };
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** The evaluation set breaks its format or the id contract; the message lists every problem, one per line. */
  static final class MalformedEvaluationSetException extends RuntimeException {

    private final List<String> problems;

    MalformedEvaluationSetException(List<String> problems) {
      super("malformed evaluation set:\n  " + String.join("\n  ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }
}
