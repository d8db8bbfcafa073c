package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.AlertRaised;
import java.util.List;

/**
 * A leaf of a rule that matched an article, and the evidence.
 *
 * @param leaf the term, field, proximity or prefix
 * @param resolution what it meant
 * @param snippets where it was found, the matching words highlighted; empty for a tag without usable mentions, and for
 *     {@code source:} and {@code lang:}, which are not in the text
 */
public record TermMatch(Rule.Leaf leaf, Resolution resolution, List<AlertRaised.Snippet> snippets) {

  public TermMatch {
    requireNonNull(leaf, "leaf");
    requireNonNull(resolution, "resolution");
    snippets = List.copyOf(snippets);
  }

  /** This match as an alert's reason. */
  public AlertRaised.Reason toReason() {
    return new AlertRaised.Reason(leaf.display(), resolution.describe(), snippets);
  }
}
