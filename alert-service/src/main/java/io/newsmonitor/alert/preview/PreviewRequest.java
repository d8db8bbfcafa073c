package io.newsmonitor.alert.preview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rule to try on the stored articles.
 *
 * @param rule in the rule language, e.g. {@code Japan + Pillar II}
 * @param days how far back by published time; {@value PreviewService#DEFAULT_DAYS} when absent
 * @param limit the most matches to answer; {@value PreviewService#DEFAULT_LIMIT} when absent, at most {@value PreviewService#MAX_LIMIT}
 * @param articleId a stored article to explain the rule against, matched or not (optional)
 */
public record PreviewRequest(
    @Schema(required = true, examples = "Japan + Pillar II") String rule,
    @Schema(description = "How far back, by published time, in days (1 to " + PreviewService.MAX_DAYS + ", or to alert.articles.retention when longer)", defaultValue = "" + PreviewService.DEFAULT_DAYS)
    Integer days,
    @Schema(description = "The most matches to answer (1 to " + PreviewService.MAX_LIMIT + ")", defaultValue = "" + PreviewService.DEFAULT_LIMIT)
    Integer limit,
    @Schema(description = "A stored article to explain the rule against: which parts matched it and which failed") String articleId) {
}
