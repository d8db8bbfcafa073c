package io.newsmonitor.alert.preview;

import io.newsmonitor.alert.matching.Resolution;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.rule.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A SQL condition on the {@code article} table that every article a rule matches satisfies (a superset: candidates are then
 * evaluated exactly). A tag leaf asks for the tag id ({@code tag_ids @> ...}), a text leaf for all the tokens of its words
 * ({@code tokens @@ 'a' & 'b'}), a prefix for its stem as a token prefix; AND and OR combine them. A NOT restricts only
 * when its operand's condition is exact (tags only): the negation of a superset is no superset. {@code source:} and
 * {@code lang:} do not restrict.
 *
 * @param sql the condition, with {@code ?} parameters
 * @param parameters their values, in order: {@code String[]} for arrays, {@code String} for tsqueries
 * @param exact true when the condition holds exactly for the matches, no more
 */
record Prefilter(String sql, List<Object> parameters, boolean exact) {

  private static final Prefilter TRUE = new Prefilter("true", List.of(), true);
  private static final Prefilter FALSE = new Prefilter("false", List.of(), true);
  private static final Prefilter ANY = new Prefilter("true", List.of(), false);

  Prefilter {
    parameters = List.copyOf(parameters);
  }

  /** Every stored article: what the exact evaluation alone would read. */
  static Prefilter none() {
    return ANY;
  }

  /**
   * The condition for {@code rule}.
   *
   * @param untokenisedArticles whether some article in the window has no tokens: text conditions must then let it through
   */
  static Prefilter of(ResolvedRule rule, boolean untokenisedArticles) {
    return of(rule.rule(), rule, untokenisedArticles);
  }

  private static Prefilter of(Rule node, ResolvedRule rule, boolean untokenisedArticles) {
    return switch (node) {
      case Rule.Leaf leaf -> leaf(rule.resolutionOf(leaf), untokenisedArticles);
      case Rule.And and -> and(and.operands().stream().map(operand -> of(operand, rule, untokenisedArticles)).toList());
      case Rule.Or or -> or(or.operands().stream().map(operand -> of(operand, rule, untokenisedArticles)).toList());
      case Rule.Not not -> not(of(not.operand(), rule, untokenisedArticles));
    };
  }

  private static Prefilter leaf(Resolution resolution, boolean untokenisedArticles) {
    return switch (resolution) {
      case Resolution.Entity entity -> new Prefilter("tag_ids @> ?", List.of((Object) new String[] {entity.id()}), true);
      case Resolution.Unknown unknown -> FALSE;
      case Resolution.Text text -> tokens(wholeWords(Tokens.of(text.phrase())), untokenisedArticles);
      case Resolution.Near near -> tokens(wholeWords(near.words().stream().flatMap(word -> Tokens.of(word).stream()).toList()), untokenisedArticles);
      case Resolution.Prefix prefix -> tokens(prefixWords(prefix.stem().strip()), untokenisedArticles);
      case Resolution.Source source -> ANY;
      case Resolution.Language language -> ANY;
    };
  }

  private static Set<String> wholeWords(List<String> tokens) {
    return tokens.stream().map(token -> "'" + token + "'").collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The stem's words: whole words but the last one, which starts a word if the stem ends inside one. */
  private static Set<String> prefixWords(String stem) {
    List<String> tokens = Tokens.of(stem);
    Set<String> lexemes = new LinkedHashSet<>(wholeWords(tokens.subList(0, Math.max(0, tokens.size() - 1))));
    if (!tokens.isEmpty()) {
      lexemes.add("'" + tokens.getLast() + "'" + (Tokens.endsInWord(stem) ? ":*" : ""));
    }
    return lexemes;
  }

  /** Tokens hold only word characters, so quoting them needs no escape. */
  private static Prefilter tokens(Set<String> lexemes, boolean untokenisedArticles) {
    if (lexemes.isEmpty()) {
      return ANY;
    }
    String sql = untokenisedArticles ? "(tokens @@ ?::tsquery or tokens is null)" : "tokens @@ ?::tsquery";
    return new Prefilter(sql, List.of(String.join(" & ", lexemes)), false);
  }

  private static Prefilter and(List<Prefilter> operands) {
    List<Prefilter> kept = new ArrayList<>();
    boolean exact = true;
    for (Prefilter operand : operands) {
      if (operand.isFalse()) {
        return FALSE;
      }
      exact &= operand.exact;
      if (!operand.isTrue()) {
        kept.add(operand);
      }
    }
    return combine(kept, " and ", exact ? TRUE : ANY, exact);
  }

  private static Prefilter or(List<Prefilter> operands) {
    List<Prefilter> kept = new ArrayList<>();
    boolean exact = true;
    for (Prefilter operand : operands) {
      if (operand.isTrue()) {
        return operand;
      }
      exact &= operand.exact;
      if (!operand.isFalse()) {
        kept.add(operand);
      }
    }
    return combine(kept, " or ", FALSE, exact);
  }

  private static Prefilter not(Prefilter operand) {
    if (!operand.exact) {
      return ANY;
    }
    if (operand.isTrue()) {
      return FALSE;
    }
    return operand.isFalse() ? TRUE : new Prefilter("not (" + operand.sql + ")", operand.parameters, true);
  }

  private static Prefilter combine(List<Prefilter> operands, String operator, Prefilter whenEmpty, boolean exact) {
    if (operands.isEmpty()) {
      return whenEmpty;
    }
    if (operands.size() == 1) {
      Prefilter only = operands.getFirst();
      return new Prefilter(only.sql, only.parameters, exact);
    }
    List<Object> parameters = new ArrayList<>();
    operands.forEach(operand -> parameters.addAll(operand.parameters));
    return new Prefilter("(" + operands.stream().map(Prefilter::sql).collect(Collectors.joining(operator)) + ")", parameters, exact);
  }

  private boolean isTrue() {
    return sql.equals("true");
  }

  private boolean isFalse() {
    return sql.equals("false");
  }
}
