package io.newsmonitor.enrich.service;

import io.newsmonitor.enrich.ArticleStory;
import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.enrich.tagging.LanguageCoverage;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.support.observability.LogContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Enriches an article: tags it, assigns its story, and records it. */
@ApplicationScoped
public class EnrichService {

  private final Tagger tagger;
  private final StoryService stories;
  private final Clock clock;

  // Constructor injection: the collaborators are final and the class is easy to read.
  public EnrichService(Tagger tagger, StoryService stories, Clock clock) {
    this.tagger = tagger;
    this.stories = stories;
    this.clock = clock;
  }

  /**
   * The enriched article. Idempotent: enriching the same revision again gives an equal result (same tags, story and
   * {@code enrichedAt}), and an article keeps its story across revisions.
   */
  @Transactional
  public ArticleEnriched enrich(ArticleIngested article) {
    try (LogContext ignored = LogContext.of(LogContext.ARTICLE_ID, article.id())) {
      return tagAndAssign(article);
    }
  }

  private ArticleEnriched tagAndAssign(ArticleIngested article) {
    Tagging tagging = tagger.tag(article.title(), article.body(), article.language());
    // PostgreSQL keeps microseconds: truncate so that what is stored and what is sent are the same instant.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ArticleStory story = stories.assign(article, tagging, now);
    // Replaying an older revision after a newer one: it was not enriched at the stored time.
    Instant enrichedAt = story.revision() == article.revision() ? story.enrichedAt() : now;
    Log.debugf("Article %s revision %d: story %s, %d actors, %d topics", article.id(), article.revision(), story.storyId(),
        tagging.actors().size(), tagging.topics().size());
    return new ArticleEnriched(article, tagging.actors(), tagging.topics(), story.storyId(), tagging.knowledgeBaseVersion(), enrichedAt,
        coverage(tagging.languageCoverage()));
  }

  private static String coverage(LanguageCoverage coverage) {
    return switch (coverage) {
      case COVERED -> ArticleEnriched.COVERED;
      case NOT_COVERED -> ArticleEnriched.NOT_COVERED;
      case UNKNOWN -> ArticleEnriched.UNKNOWN;
    };
  }
}
