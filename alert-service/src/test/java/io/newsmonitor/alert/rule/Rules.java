package io.newsmonitor.alert.rule;

/** Test helpers over rule trees. */
final class Rules {

  private Rules() {
  }

  /** The same tree with every position 0: two spellings of one rule compare equal. */
  static Rule withoutPositions(Rule rule) {
    return switch (rule) {
      case Rule.Term term -> new Rule.Term(term.text(), term.quoted(), 0);
      case Rule.Field field -> new Rule.Field(field.name(), (Rule.Term) withoutPositions(field.value()), 0);
      case Rule.Proximity proximity -> new Rule.Proximity(proximity.words(), proximity.distance(), 0);
      case Rule.Prefix prefix -> new Rule.Prefix(prefix.stem(), 0);
      case Rule.And and -> new Rule.And(and.operands().stream().map(Rules::withoutPositions).toList());
      case Rule.Or or -> new Rule.Or(or.operands().stream().map(Rules::withoutPositions).toList());
      case Rule.Not not -> new Rule.Not(withoutPositions(not.operand()));
    };
  }
}
