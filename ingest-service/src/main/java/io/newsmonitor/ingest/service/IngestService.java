package io.newsmonitor.ingest.service;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.ingest.persistence.ArticleRevisionRepository;
import io.newsmonitor.ingest.persistence.ArticleRevisionRepository.Claim;
import io.newsmonitor.ingest.service.IngestMetrics.Via;
import io.newsmonitor.ingest.service.IngestResult.Status;
import io.newsmonitor.ingest.text.LanguageDetection;
import io.newsmonitor.support.observability.LogContext;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Decides whether an article is new, a correction or a repeat, and publishes new revisions exactly once: the revision
 * row is written and the record sent (and acknowledged) in one database transaction, so a failed send leaves no row and
 * a retry publishes it.
 */
@ApplicationScoped
public class IngestService {

  // Each lost race means another instance just wrote a revision of this article; a few rounds settle any real contention.
  private static final int MAX_ATTEMPTS = 3;

  private final ArticleRevisionRepository revisions;
  private final ArticlePublisher publisher;
  private final IngestMetrics metrics;

  IngestService(ArticleRevisionRepository revisions, ArticlePublisher publisher, IngestMetrics metrics) {
    this.revisions = revisions;
    this.publisher = publisher;
    this.metrics = metrics;
  }

  /**
   * Publishes {@code draft}, which came in {@code via}, as the next revision of its article, unless that content was
   * published already.
   *
   * @throws ProblemException 503 when the broker did not take the record (nothing is stored; the client may retry)
   */
  @Transactional
  public IngestResult ingest(@NotNull Via via, @NotNull ArticleDraft draft) {
    try (LogContext ignored = LogContext.of(LogContext.ARTICLE_ID, draft.id())) {
      IngestResult result = publishOnce(draft);
      metrics.ingested(via, result);
      return result;
    }
  }

  private IngestResult publishOnce(ArticleDraft draft) {
    String hash = ArticleIdentity.contentHash(draft.title(), draft.body());
    // Postgres keeps microseconds: truncate so that the row and the event say the same instant.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    OffsetDateTime published = draft.published().orElse(now.atOffset(ZoneOffset.UTC));
    boolean estimated = draft.published().isEmpty();

    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Claim> claim = revisions.claim(draft.id(), hash, draft.title(), now);
      if (claim.isEmpty()) {
        Log.debugf("article %s: a revision was written concurrently, looking again", draft.id());
        continue;
      }
      int revision = claim.get().revision();
      if (!claim.get().inserted()) {
        Log.debugf("article %s: content already published as revision %d", draft.id(), revision);
        return new IngestResult(draft.id(), revision, Status.DUPLICATE, published, estimated);
      }
      // Detected only now, for content that goes out: duplicates, the common case when feeds are polled, cost nothing.
      String language = draft.language().or(() -> LanguageDetection.detect(draft.title() + "\n\n" + draft.body())).orElse(null);
      ArticleIngested article = new ArticleIngested(draft.id(), revision, draft.url().orElse(null), draft.source(), draft.title(),
          draft.body(), draft.summary().orElse(null), language, published, estimated, now, hash);
      try {
        publisher.publish(article);
      } catch (PublishFailedException e) {
        // Thrown out of the transaction: the row goes away with it, and the client is told to retry.
        throw new ProblemException(503, "Broker unavailable",
            "the article could not be published (" + e.getMessage() + "); nothing was stored, retry later");
      }
      return new IngestResult(draft.id(), revision, Status.PUBLISHED, published, estimated);
    }
    throw new ProblemException(503, "Busy", "article " + draft.id() + " is being updated concurrently; retry later");
  }
}
