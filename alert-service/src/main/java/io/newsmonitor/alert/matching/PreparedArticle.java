package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An enriched article read once for matching against many rules: its tag ids, the words of its title and body, of its
 * source and its language, so that a rule's leaves are looked up instead of searched for, and each leaf meaning is
 * evaluated at most once however many rules share it. Not thread-safe: one per article and thread.
 */
public final class PreparedArticle {

  private final ArticleEnriched article;
  private final Set<String> tagIds = new HashSet<>();
  /** Words of the title and body in both forms of {@link Words}. */
  private final Set<String> words = new HashSet<>();
  /** The same words folded only: the ones a prefix may start. */
  private final Set<String> foldedWords = new HashSet<>();
  /** The folded words of the title then the body, in order, and where the body's begin: where a phrase may be. */
  private final List<String> sequence = new ArrayList<>();
  private final int bodyStart;
  /** Where each folded word is in {@link #sequence}; built for the first phrase looked for. */
  private Map<String, List<Integer>> positions;
  private final Set<String> sourceWords = new HashSet<>();
  private final Set<String> languageKeys = new HashSet<>();
  private final Map<Resolution, Boolean> outcomes = new HashMap<>();

  private PreparedArticle(ArticleEnriched article) {
    this.article = requireNonNull(article, "article");
    for (List<Tag> tags : List.of(article.actors(), article.topics())) {
      tags.forEach(tag -> tagIds.add(tag.id()));
    }
    Consumer<String> addWord = word -> {
      String folded = Words.fold(word);
      sequence.add(folded);
      foldedWords.add(folded);
      words.add(folded);
      words.add(Words.lower(word));
    };
    Words.forEach(article.article().title(), addWord);
    bodyStart = sequence.size();
    Words.forEach(article.article().body(), addWord);
    SourceRef source = article.article().source();
    if (source != null) {
      Words.forEach(source.name(), word -> sourceWords.add(Words.fold(word)));
      Words.forEach(source.id(), word -> sourceWords.add(Words.fold(word)));
    }
    String language = article.article().language();
    if (language != null) {
      languageKeys.add(Words.fold(language));
      String lower = Words.lower(language);
      languageKeys.add(lower);
      // lang:en takes en-GB: every part of the code before a dash is a key as well.
      for (int dash = lower.indexOf('-'); dash >= 0; dash = lower.indexOf('-', dash + 1)) {
        languageKeys.add(lower.substring(0, dash));
      }
    }
  }

  public static PreparedArticle of(ArticleEnriched article) {
    return new PreparedArticle(article);
  }

  public ArticleEnriched article() {
    return article;
  }

  /** Whether the rule matches, as {@link RuleEvaluator#evaluate} decides it, without building its explanation. */
  public boolean matches(ResolvedRule rule) {
    return matches(rule.rule(), rule);
  }

  private boolean matches(Rule node, ResolvedRule rule) {
    return switch (node) {
      case Rule.Leaf leaf -> matches(leaf, rule.resolutionOf(leaf));
      case Rule.And and -> {
        for (Rule operand : and.operands()) {
          if (!matches(operand, rule)) {
            yield false;
          }
        }
        yield true;
      }
      case Rule.Or or -> {
        for (Rule operand : or.operands()) {
          if (matches(operand, rule)) {
            yield true;
          }
        }
        yield false;
      }
      case Rule.Not not -> !matches(not.operand(), rule);
    };
  }

  /** Whether a leaf with this meaning matches: tags are looked up, the rest asks the evaluator once its anchors are present. */
  boolean matches(Rule.Leaf leaf, Resolution resolution) {
    if (resolution instanceof Resolution.Entity entity) {
      return tagIds.contains(entity.id());
    }
    Boolean known = outcomes.get(resolution);
    if (known == null) {
      known = mayMatch(resolution) && RuleEvaluator.evaluate(new ResolvedRule(leaf.display(), leaf, Map.of(leaf, resolution)), article).matched();
      outcomes.put(resolution, known);
    }
    return known;
  }

  /** False when the leaf cannot match, as far as the article's words tell: the evaluator need not search the text. */
  private boolean mayMatch(Resolution resolution) {
    if (!Anchors.of(resolution).map(this::containsAny).orElse(true)) {
      return false;
    }
    return switch (resolution) {
      case Resolution.Text text -> hasSequence(text.phrase(), text.fields());
      // Every word must be in the text, near or not.
      case Resolution.Near near -> near.words().stream().allMatch(word -> {
        List<String> runs = new ArrayList<>();
        Words.forEach(word, runs::add);
        return runs.stream().allMatch(run -> words.contains(Words.lower(run)));
      });
      default -> true;
    };
  }

  /** Whether the words of {@code phrase} follow each other in one of {@code fields}, as they do wherever the phrase matches. */
  private boolean hasSequence(String phrase, Set<TextField> fields) {
    List<String> runs = new ArrayList<>();
    Words.forEach(phrase, run -> runs.add(Words.fold(run)));
    if (runs.isEmpty()) {
      return true;
    }
    for (int start : positions().getOrDefault(runs.getFirst(), List.of())) {
      boolean inTitle = start < bodyStart;
      int end = inTitle ? bodyStart : sequence.size();
      if (fields.contains(inTitle ? TextField.TITLE : TextField.BODY) && start + runs.size() <= end
          && sequence.subList(start, start + runs.size()).equals(runs)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, List<Integer>> positions() {
    if (positions == null) {
      positions = new HashMap<>();
      for (int i = 0; i < sequence.size(); i++) {
        positions.computeIfAbsent(sequence.get(i), word -> new ArrayList<>(2)).add(i);
      }
    }
    return positions;
  }

  private boolean containsAny(Set<Anchor> anchors) {
    for (Anchor anchor : anchors) {
      if (contains(anchor)) {
        return true;
      }
    }
    return false;
  }

  private boolean contains(Anchor anchor) {
    return switch (anchor.kind()) {
      case TAG -> tagIds.contains(anchor.key());
      case WORD -> words.contains(anchor.key());
      case PREFIX -> foldedWords.stream().anyMatch(word -> word.startsWith(anchor.key()));
      case SOURCE -> sourceWords.contains(anchor.key());
      case LANGUAGE -> languageKeys.contains(anchor.key());
    };
  }

  Set<String> tagIds() {
    return tagIds;
  }

  Set<String> words() {
    return words;
  }

  Set<String> foldedWords() {
    return foldedWords;
  }

  Set<String> sourceWords() {
    return sourceWords;
  }

  Set<String> languageKeys() {
    return languageKeys;
  }
}
