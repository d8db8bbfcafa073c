package io.newsmonitor.ingest.service;

import java.time.OffsetDateTime;

/**
 * What became of an ingested article.
 *
 * @param id the article id
 * @param revision the revision published now, or the earlier one that already carried this content
 * @param status {@link Status#PUBLISHED} or {@link Status#DUPLICATE}
 * @param published the published time of the article as it went (or would have gone) out
 * @param publishedEstimated true when {@code published} is the ingest time
 */
public record IngestResult(String id, int revision, Status status, OffsetDateTime published, boolean publishedEstimated) {

  /** Whether the article went out now. */
  public enum Status {
    /** A new revision went out on the topic. */
    PUBLISHED,
    /** This content was published before (or by a concurrent request); nothing went out. */
    DUPLICATE;

    /** The lower-case name clients see. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
