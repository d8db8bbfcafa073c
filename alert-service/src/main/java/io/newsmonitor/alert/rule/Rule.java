package io.newsmonitor.alert.rule;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A parsed rule: a small tree of records that {@link RuleParser} builds and the matching evaluator walks. The leaves
 * ({@link Leaf}) say what to look for, the inner nodes ({@link And}, {@link Or}, {@link Not}) how to combine them.
 * {@link #toText()} writes the tree back in the rule language, so that it parses to the same tree.
 */
public sealed interface Rule permits Rule.Leaf, Rule.And, Rule.Or, Rule.Not {

  /** Every leaf of the rule, in the order they are written. */
  default List<Leaf> leaves() {
    List<Leaf> leaves = new ArrayList<>();
    collectLeaves(this, leaves);
    return List.copyOf(leaves);
  }

  private static void collectLeaves(Rule rule, List<Leaf> into) {
    switch (rule) {
      case Leaf leaf -> into.add(leaf);
      case And and -> and.operands().forEach(operand -> collectLeaves(operand, into));
      case Or or -> or.operands().forEach(operand -> collectLeaves(operand, into));
      case Not not -> collectLeaves(not.operand(), into);
    }
  }

  /** The rule in the rule language, with the fewest parentheses that keep its tree: {@code RuleParser.parse(r.toText())} has r's shape. */
  default String toText() {
    return switch (this) {
      case Leaf leaf -> leaf.display();
      case And and -> join(and.operands(), " AND ", operand -> operand instanceof Or || operand instanceof And);
      case Or or -> join(or.operands(), " OR ", operand -> operand instanceof Or);
      case Not not -> "NOT " + (not.operand() instanceof Leaf || not.operand() instanceof Not ? not.operand().toText() : "(" + not.operand().toText() + ")");
    };
  }

  private static String join(List<Rule> operands, String operator, Predicate<Rule> needsParentheses) {
    List<String> parts = new ArrayList<>();
    for (Rule operand : operands) {
      parts.add(needsParentheses.test(operand) ? "(" + operand.toText() + ")" : operand.toText());
    }
    return String.join(operator, parts);
  }

  /** What an article is tested for; every leaf knows where it was written. */
  sealed interface Leaf extends Rule permits Term, Field, Proximity, Prefix {

    /** Offset of the leaf in the rule text. */
    int position();

    /** The leaf as written in a rule, e.g. {@code "Pillar II"}, {@code actor:Japan}, {@code hyperson*}. */
    String display();
  }

  /**
   * One term, as the analyst wrote it (white space collapsed, quotes removed).
   *
   * @param text the words of the term, e.g. {@code Pillar II}
   * @param quoted true for a quoted phrase ({@code "Pillar II"}), which always matches as text; false for a bare term,
   *     which resolves through the knowledge base first
   * @param position offset of the term in the rule text (of its opening quote for a phrase)
   */
  record Term(String text, boolean quoted, int position) implements Leaf {

    public Term {
      requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("blank term");
      }
    }

    @Override
    public String display() {
      return quoted ? '"' + text + '"' : text;
    }
  }

  /** The fields a rule can name: {@code actor:Japan} looks at one part of the article only. */
  enum FieldName {
    /** Actors the article is tagged with. */
    ACTOR,
    /** Topics the article is tagged with. */
    TOPIC,
    /** The name or id of the source. */
    SOURCE,
    /** The language code of the article. */
    LANG,
    /** The words of the title. */
    TITLE;

    /** As written in a rule: {@code actor}. */
    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A term looked for in one field only.
   *
   * @param name the field
   * @param value the term, bare ({@code actor:Japan}) or quoted ({@code topic:"AUKUS Pillar II"})
   * @param position offset of the field name in the rule text
   */
  record Field(FieldName name, Term value, int position) implements Leaf {

    public Field {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
    }

    @Override
    public String display() {
      return name.keyword() + ':' + value.display();
    }
  }

  /**
   * Words near each other in the text, in any order ({@code "Japan submarine"~10}).
   *
   * @param words at least two words
   * @param distance the most word positions between the first and the last of them
   * @param position offset of the opening quote in the rule text
   */
  record Proximity(List<String> words, int distance, int position) implements Leaf {

    public Proximity {
      words = List.copyOf(words);
      if (words.size() < 2) {
        throw new IllegalArgumentException("proximity needs at least two words");
      }
      if (distance < 0) {
        throw new IllegalArgumentException("negative distance");
      }
    }

    @Override
    public String display() {
      return '"' + String.join(" ", words) + "\"~" + distance;
    }
  }

  /**
   * Words of the text that start with {@code stem} ({@code hyperson*}).
   *
   * @param stem the start of the word, without the star
   * @param position offset of the stem in the rule text
   */
  record Prefix(String stem, int position) implements Leaf {

    public Prefix {
      requireNonNull(stem, "stem");
      if (stem.isBlank()) {
        throw new IllegalArgumentException("blank prefix");
      }
    }

    @Override
    public String display() {
      return stem + '*';
    }
  }

  /** All operands must match ({@code +}, {@code AND}). */
  record And(List<Rule> operands) implements Rule {

    public And {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("AND needs at least two operands");
      }
    }
  }

  /** At least one operand must match ({@code |}, {@code OR}). */
  record Or(List<Rule> operands) implements Rule {

    public Or {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("OR needs at least two operands");
      }
    }
  }

  /** The operand must not match ({@code -}, {@code NOT}). */
  record Not(Rule operand) implements Rule {

    public Not {
      requireNonNull(operand, "operand");
    }
  }
}
