package io.newsmonitor.alert.preview;

import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.matching.KnowledgeBaseTermResolver;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.kb.KnowledgeBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A preview's scan stops at the first match beyond its limit, or when its time budget is spent, and says which. */
class PreviewScanTests {

  private static final ResolvedRule JAPAN = ResolvedRule.of("Japan", new KnowledgeBaseTermResolver(KnowledgeBase.loadDefault()));

  @Test
  void aScanPastItsTimeBudgetEvaluatesNothingMoreAndSaysItTimedOut() {
    PreviewService.Scan scan = new PreviewService.Scan(JAPAN, 10, System.nanoTime() - 1);

    assertThat(scan.test(article(newArticleId(), 1, true, false))).as("go on").isFalse();

    assertThat(scan.timedOut).isTrue();
    assertThat(scan.truncated).isFalse();
    assertThat(scan.scanned).isZero();
    assertThat(scan.matches).isEmpty();
  }

  @Test
  void withinItsBudgetAScanStopsAtTheFirstMatchBeyondTheLimit() {
    PreviewService.Scan scan = new PreviewService.Scan(JAPAN, 1, System.nanoTime() + Duration.ofMinutes(1).toNanos());

    assertThat(scan.test(article(newArticleId(), 1, false, true))).as("no match: go on").isTrue();
    assertThat(scan.test(article(newArticleId(), 1, true, false))).as("first match: go on").isTrue();
    assertThat(scan.test(article(newArticleId(), 1, true, true))).as("beyond the limit: stop").isFalse();

    assertThat(scan.truncated).isTrue();
    assertThat(scan.timedOut).isFalse();
    assertThat(scan.scanned).isEqualTo(3);
    assertThat(scan.matches).hasSize(1);
  }
}
