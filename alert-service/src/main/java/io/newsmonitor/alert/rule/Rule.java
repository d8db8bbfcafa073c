package io.newsmonitor.alert.rule;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed rule: a small tree of records that {@link RuleParser} builds and the matching evaluator walks. The first
 * version knows terms and their conjunction; OR, NOT, grouping and fields become new node types beside these.
 *
 * @see Term
 * @see And
 */
public sealed interface Rule permits Rule.Term, Rule.And {

  /** Every term of the rule, in the order they are written. */
  default List<Term> terms() {
    List<Term> terms = new ArrayList<>();
    collectTerms(this, terms);
    return List.copyOf(terms);
  }

  private static void collectTerms(Rule rule, List<Term> into) {
    switch (rule) {
      case Term term -> into.add(term);
      case And and -> and.operands().forEach(operand -> collectTerms(operand, into));
    }
  }

  /**
   * One term, as the analyst wrote it (white space collapsed, quotes removed).
   *
   * @param text the words of the term, e.g. {@code Pillar II}
   * @param quoted true for a quoted phrase ({@code "Pillar II"}), which always matches as text; false for a bare term,
   *     which resolves through the knowledge base first
   * @param position offset of the term in the rule text (of its opening quote for a phrase)
   */
  record Term(String text, boolean quoted, int position) implements Rule {

    public Term {
      requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("blank term");
      }
    }

    /** The term as written in a rule: quoted phrases keep their quotes. */
    public String display() {
      return quoted ? '"' + text + '"' : text;
    }
  }

  /** All operands must match ({@code +} or {@code AND}). */
  record And(List<Rule> operands) implements Rule {

    public And {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("AND needs at least two operands");
      }
    }
  }
}
