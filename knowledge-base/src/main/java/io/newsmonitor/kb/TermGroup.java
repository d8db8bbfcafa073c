package io.newsmonitor.kb;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One group of a {@link Condition}: it holds when any of its terms occurs within {@link #window()} characters of a mention.
 *
 * @param terms entry ids (satisfied by any wording of that entry) or words and phrases (matched case-insensitively, on whole
 *     words, after normalisation); never empty
 * @param window how far from the mention a term may be, in characters of the normalised text, before or after it and in the
 *     same field (title or body); {@code 0} means overlapping or touching the mention ("bone china" around "china");
 *     {@link #WHOLE_ARTICLE} means anywhere in the title or the body
 */
public record TermGroup(List<String> terms, int window) {

  /** The window of a group that gives none: the whole article. */
  public static final int WHOLE_ARTICLE = Integer.MAX_VALUE;

  public TermGroup {
    terms = List.copyOf(requireNonNull(terms, "terms"));
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a term group needs at least one term");
    }
    if (window < 0) {
      throw new IllegalArgumentException("window must be >= 0");
    }
  }

  /** A group that holds when any of these terms occurs anywhere in the article. */
  public static TermGroup anywhere(List<String> terms) {
    return new TermGroup(terms, WHOLE_ARTICLE);
  }

  public boolean isWholeArticle() {
    return window == WHOLE_ARTICLE;
  }
}
