package io.newsmonitor.alert.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsmonitor.events.AlertRaised;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a rule matches among the stored articles of the last days, newest first, each with its explanation.
 *
 * @param rule the rule as sent
 * @param days the window used, in days
 * @param limit the most matches answered
 * @param matches the matches, newest first
 * @param truncated true when more articles match than {@code limit}
 * @param timedOut true when the time budget ran out first: the matches are those among the {@code scanned} newest candidates
 * @param scanned how many candidate articles were evaluated (those the index could not rule out)
 * @param inWindow how many articles were published in the window
 * @param tookMs time taken, in milliseconds
 * @param whyNot the explanation for the article asked about; absent when none was
 */
public record PreviewResult(String rule, int days, int limit, List<Match> matches, boolean truncated, boolean timedOut, int scanned, long inWindow, long tookMs,
    @JsonInclude(JsonInclude.Include.NON_NULL) Explanation whyNot) {

  public PreviewResult {
    matches = List.copyOf(matches);
  }

  /**
   * An article the rule matches.
   *
   * @param reasons which leaves of the rule matched, with highlighted snippets
   */
  public record Match(String articleId, int revision, String title, String url, String source, OffsetDateTime published, String storyId,
      List<AlertRaised.Reason> reasons) {

    public Match {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The rule against one article.
   *
   * @param matched whether the rule matches the article
   * @param inWindow whether the article was published within the window (a match outside it is not among {@code matches})
   * @param matchedParts the leaves that matched, with snippets (leaves under a NOT are no evidence)
   * @param failedParts when the rule does not match, the parts that made it fail, as rule text
   */
  public record Explanation(String articleId, String title, OffsetDateTime published, boolean matched, boolean inWindow,
      List<AlertRaised.Reason> matchedParts, List<String> failedParts) {

    public Explanation {
      matchedParts = List.copyOf(matchedParts);
      failedParts = List.copyOf(failedParts);
    }
  }
}
