package io.newsmonitor.alert.matching;

import java.util.List;

/**
 * The outcome of a rule against an article.
 *
 * @param matched whether the rule matched
 * @param termMatches the terms that matched, in rule order, with their evidence (also filled when the rule as a whole did
 *     not match, for previews)
 */
public record Evaluation(boolean matched, List<TermMatch> termMatches) {

  public Evaluation {
    termMatches = List.copyOf(termMatches);
  }
}
