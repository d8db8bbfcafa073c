package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.AlertRaised;
import java.util.List;

/**
 * A term of a rule that matched an article, and the evidence.
 *
 * @param term the term
 * @param resolution what it meant
 * @param snippets where it was found, the matching words highlighted; may be empty for a tag without usable mentions
 */
public record TermMatch(Rule.Term term, Resolution resolution, List<AlertRaised.Snippet> snippets) {

  public TermMatch {
    requireNonNull(term, "term");
    requireNonNull(resolution, "resolution");
    snippets = List.copyOf(snippets);
  }

  /** This match as an alert's reason. */
  public AlertRaised.Reason toReason() {
    return new AlertRaised.Reason(term.display(), resolution.describe(), snippets);
  }
}
