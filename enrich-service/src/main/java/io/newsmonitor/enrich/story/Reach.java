package io.newsmonitor.enrich.story;

import java.time.Instant;

/**
 * The published times an article may share a story with, for dated articles and for articles whose published time is
 * estimated (an upper bound: the ingest time of an article without a date). {@link Instant#MIN} and {@link Instant#MAX}
 * stand for no bound.
 *
 * @param datedFrom earliest published time of a dated article in reach
 * @param datedTo latest published time of a dated article in reach
 * @param estimatedFrom earliest estimated published time of an article in reach
 * @param estimatedTo latest estimated published time of an article in reach
 */
public record Reach(Instant datedFrom, Instant datedTo, Instant estimatedFrom, Instant estimatedTo) {

  /** Whether an article published at {@code published}, estimated or not, is in reach. */
  public boolean includes(Instant published, boolean estimated) {
    return estimated
        ? !published.isBefore(estimatedFrom) && !published.isAfter(estimatedTo)
        : !published.isBefore(datedFrom) && !published.isAfter(datedTo);
  }
}
