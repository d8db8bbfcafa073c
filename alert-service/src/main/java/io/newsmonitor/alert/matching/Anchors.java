package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.rule.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an article must contain for a rule to match, as Lucene Monitor's presearcher reads a query: a few clauses, each a
 * set of anchors of which the article must contain at least one. A leaf names its own (a tag leaf its tag, a phrase its
 * rarest word, a prefix its stem); an OR needs one of its alternatives', an AND the clauses of its most selective
 * operands; a NOT requires nothing. A rule with no clause may match any article; one with an empty clause matches none.
 */
final class Anchors {

  /** Clauses kept per rule: two already let through little more than the matches (Lucene Monitor's multipass idea). */
  static final int MAX_CLAUSES = 2;

  private static final Comparator<Set<Anchor>> MOST_SELECTIVE_FIRST = Comparator.comparingInt(Anchors::commonness);

  private Anchors() {
  }

  /** The clauses of {@code rule}, most selective first, at most {@link #MAX_CLAUSES}. */
  static List<Set<Anchor>> clauses(ResolvedRule rule) {
    return clauses(rule.rule(), rule);
  }

  private static List<Set<Anchor>> clauses(Rule node, ResolvedRule rule) {
    return switch (node) {
      case Rule.Leaf leaf -> of(rule.resolutionOf(leaf)).map(List::of).orElse(List.of());
      case Rule.And and -> {
        Set<Set<Anchor>> all = new LinkedHashSet<>();
        for (Rule operand : and.operands()) {
          all.addAll(clauses(operand, rule));
        }
        if (all.contains(Set.of())) {
          yield List.of(Set.of());
        }
        yield all.stream().sorted(MOST_SELECTIVE_FIRST).limit(MAX_CLAUSES).toList();
      }
      case Rule.Or or -> {
        Set<Anchor> union = new LinkedHashSet<>();
        for (Rule operand : or.operands()) {
          List<Set<Anchor>> alternative = clauses(operand, rule);
          if (alternative.isEmpty()) {
            yield List.of();
          }
          union.addAll(alternative.getFirst());
        }
        yield List.of(Set.copyOf(union));
      }
      case Rule.Not not -> List.of();
    };
  }

  /**
   * The anchors one of which an article contains whenever a leaf with this meaning matches it; empty when the leaf may
   * match without any (a phrase of punctuation only), an empty set when it matches nothing.
   */
  static Optional<Set<Anchor>> of(Resolution resolution) {
    return switch (resolution) {
      case Resolution.Entity entity -> Optional.of(Set.of(new Anchor(Anchor.Kind.TAG, entity.id())));
      case Resolution.Unknown unknown -> Optional.of(Set.of());
      // Every word of a phrase is a whole word of the text where the phrase matches: its rarest one will do.
      case Resolution.Text text -> rarest(words(text.phrase(), Anchor.Kind.WORD, false));
      case Resolution.Source source -> rarest(words(source.words(), Anchor.Kind.SOURCE, false));
      case Resolution.Prefix prefix -> rarest(words(prefix.stem().strip(), Anchor.Kind.WORD, true));
      case Resolution.Near near -> {
        List<Anchor> wanted = new ArrayList<>();
        near.words().forEach(word -> Words.forEach(word, run -> wanted.add(new Anchor(Anchor.Kind.WORD, Words.lower(run)))));
        // Without a word to look for, near() finds nothing.
        yield wanted.isEmpty() ? Optional.of(Set.of()) : rarest(wanted);
      }
      case Resolution.Language language -> Optional.of(Set.copyOf(List.of(
          new Anchor(Anchor.Kind.LANGUAGE, Words.fold(language.code())), new Anchor(Anchor.Kind.LANGUAGE, Words.lower(language.code())))));
    };
  }

  /**
   * The words of {@code text} as anchors; with {@code lastIsPrefix}, a final word that ends the text is only the start of a
   * word of the article ({@code hyperson*}), while the words before it are whole ({@code anti-hyperson*}).
   */
  private static List<Anchor> words(String text, Anchor.Kind kind, boolean lastIsPrefix) {
    List<Anchor> anchors = new ArrayList<>();
    Words.forEach(text, run -> anchors.add(new Anchor(kind, Words.fold(run))));
    if (lastIsPrefix && !anchors.isEmpty() && !text.isEmpty() && Words.isWordChar(text.codePointBefore(text.length()))) {
      Anchor last = anchors.removeLast();
      anchors.add(new Anchor(Anchor.Kind.PREFIX, last.key()));
    }
    return anchors;
  }

  private static Optional<Set<Anchor>> rarest(List<Anchor> anchors) {
    return anchors.stream().min(Comparator.comparingInt(Anchor::commonness)).map(Set::of);
  }

  private static int commonness(Set<Anchor> clause) {
    return clause.stream().mapToInt(Anchor::commonness).sum();
  }
}
