package io.newsmonitor.alert.matching;

import java.util.List;

/**
 * The outcome of a rule against an article.
 *
 * @param matched whether the rule matched
 * @param termMatches the leaves that matched, in rule order, with their evidence (also filled when the rule as a whole did
 *     not match, for previews); a leaf under a NOT is never evidence
 * @param failedParts when the rule did not match, the parts that made it fail, as rule text (a missing leaf such as
 *     {@code Japan}, an OR none of whose alternatives matched, a {@code NOT Korea} whose operand matched); empty on a match
 */
public record Evaluation(boolean matched, List<TermMatch> termMatches, List<String> failedParts) {

  public Evaluation {
    termMatches = List.copyOf(termMatches);
    failedParts = List.copyOf(failedParts);
  }
}
