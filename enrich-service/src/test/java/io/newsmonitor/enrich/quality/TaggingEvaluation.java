package io.newsmonitor.enrich.quality;

import io.newsmonitor.enrich.quality.EvaluationSet.Article;
import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.events.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A tagger's scores on an {@link EvaluationSet}: micro precision, recall and F1 for actors (country, alliance, organisation, person) and
 * for topics, broken down by actor type and by language, and the wrong and missing ids of every article. Tags of other types (place) are
 * not scored.
 */
final class TaggingEvaluation {

  static final String ACTORS = "actors";
  static final String TOPICS = "topics";
  private static final String BAR = "=".repeat(100);
  private static final String RULE = "-".repeat(100);
  private static final int TITLE_WIDTH = 80;

  /**
   * What went wrong in one article.
   *
   * @param missed expected but not tagged (false negatives)
   * @param spurious tagged but not expected (false positives)
   */
  record ArticleErrors(Article article, SortedSet<String> missed, SortedSet<String> spurious) {
  }

  private final int articleCount;
  private final Map<String, Long> articlesByLanguage;
  /** Row label of the report → score; the group rows are {@link #ACTORS} and {@link #TOPICS}, the others break them down. */
  private final Map<String, GroupScore> rows = new LinkedHashMap<>();
  private final List<ArticleErrors> errors = new ArrayList<>();

  private TaggingEvaluation(EvaluationSet set) {
    this.articleCount = set.articles().size();
    this.articlesByLanguage = set.articles().stream().collect(Collectors.groupingBy(Article::language, TreeMap::new, Collectors.counting()));
    rows.put(ACTORS, new GroupScore());
    EvaluationSet.ACTOR_TYPES.stream().sorted().forEach(type -> rows.put(byType(type), new GroupScore()));
    articlesByLanguage.keySet().forEach(language -> rows.put(byLanguage(ACTORS, language), new GroupScore()));
    rows.put(TOPICS, new GroupScore());
    articlesByLanguage.keySet().forEach(language -> rows.put(byLanguage(TOPICS, language), new GroupScore()));
  }

  /** Tags every article of the set and scores the result. */
  static TaggingEvaluation run(Tagger tagger, EvaluationSet set) {
    TaggingEvaluation evaluation = new TaggingEvaluation(set);
    for (Article article : set.articles()) {
      Tagging tagging = tagger.tag(article.title(), article.body());
      evaluation.score(article, found(tagging, tag -> EvaluationSet.ACTOR_TYPES.contains(tag.type())),
          found(tagging, tag -> EvaluationSet.TOPIC_TYPE.equals(tag.type())));
    }
    return evaluation;
  }

  GroupScore actors() {
    return rows.get(ACTORS);
  }

  GroupScore topics() {
    return rows.get(TOPICS);
  }

  List<ArticleErrors> errors() {
    return List.copyOf(errors);
  }

  /** The score table, then the errors article by article, for the build log. */
  String report(String knowledgeBaseVersion, double requiredF1) {
    StringBuilder out = new StringBuilder("\n").append(BAR).append('\n');
    out.append(String.format("Tagging quality on %d articles %s, knowledge base %s%n", articleCount, articlesByLanguage, knowledgeBaseVersion));
    out.append(RULE).append('\n');
    out.append(String.format("%-16s %8s %8s %6s %6s %6s %10s %8s %8s%n", "group", "expected", "found", "TP", "FP", "FN", "precision", "recall", "F1"));
    rows.forEach((label, score) -> out.append(String.format("%-16s %8d %8d %6d %6d %6d %9.1f%% %7.1f%% %7.1f%%%s%n", label,
        score.truePositives() + score.falseNegatives(), score.truePositives() + score.falsePositives(), score.truePositives(),
        score.falsePositives(), score.falseNegatives(), 100 * score.precision(), 100 * score.recall(), 100 * score.f1(),
        isGroup(label) ? (score.f1() >= requiredF1 ? "   ok" : "   BELOW " + percent(requiredF1)) : "")));
    out.append(RULE).append('\n');
    out.append(String.format("Errors in %d of %d articles (FN: expected, not tagged; FP: tagged, not expected)%n", errors.size(), articleCount));
    for (ArticleErrors error : errors) {
      out.append(String.format("%-12s %s%n", error.article().id(), abbreviate(error.article().title())));
      if (!error.missed().isEmpty()) {
        out.append(String.format("%12s FN %s%n", "", String.join(", ", error.missed())));
      }
      if (!error.spurious().isEmpty()) {
        out.append(String.format("%12s FP %s%n", "", String.join(", ", error.spurious())));
      }
    }
    return out.append(BAR).append('\n').toString();
  }

  private void score(Article article, Set<String> foundActors, Set<String> foundTopics) {
    Set<String> expectedActors = article.expectedActors();
    Set<String> expectedTopics = article.expectedTopics();
    rows.get(ACTORS).count(expectedActors, foundActors);
    rows.get(byLanguage(ACTORS, article.language())).count(expectedActors, foundActors);
    for (String type : EvaluationSet.ACTOR_TYPES) {
      Predicate<String> ofType = id -> id.startsWith(type + ":");
      rows.get(byType(type)).count(filter(expectedActors, ofType), filter(foundActors, ofType));
    }
    rows.get(TOPICS).count(expectedTopics, foundTopics);
    rows.get(byLanguage(TOPICS, article.language())).count(expectedTopics, foundTopics);

    SortedSet<String> missed = new TreeSet<>();
    SortedSet<String> spurious = new TreeSet<>();
    Stream.concat(expectedActors.stream().filter(id -> !foundActors.contains(id)), expectedTopics.stream().filter(id -> !foundTopics.contains(id)))
        .forEach(missed::add);
    Stream.concat(foundActors.stream().filter(id -> !expectedActors.contains(id)), foundTopics.stream().filter(id -> !expectedTopics.contains(id)))
        .forEach(spurious::add);
    if (!missed.isEmpty() || !spurious.isEmpty()) {
      errors.add(new ArticleErrors(article, missed, spurious));
    }
  }

  private static Set<String> found(Tagging tagging, Predicate<Tag> scored) {
    return Stream.concat(tagging.actors().stream(), tagging.topics().stream()).filter(scored).map(Tag::id).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> filter(Set<String> ids, Predicate<String> keep) {
    return ids.stream().filter(keep).collect(Collectors.toUnmodifiableSet());
  }

  private static String byType(String type) {
    return "  " + type;
  }

  private static String byLanguage(String group, String language) {
    return "  " + group + " " + language;
  }

  private static boolean isGroup(String label) {
    return label.equals(ACTORS) || label.equals(TOPICS);
  }

  private static String percent(double fraction) {
    return String.format("%.0f%%", 100 * fraction);
  }

  private static String abbreviate(String title) {
    return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 1) + "…";
  }
}
