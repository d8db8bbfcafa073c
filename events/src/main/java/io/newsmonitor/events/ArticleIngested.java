package io.newsmonitor.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A clean article, published by ingest-service on {@link Topics#ARTICLES_INGESTED} keyed by {@link #id()}.
 *
 * @param id stable article id: derived from the canonical URL, or from source id + feed GUID when there is none
 * @param revision 1 for the first version; a correction (same id, new content hash) is published with the next number
 * @param url canonical URL, or {@code null} for items without one (some file imports)
 * @param source the source that delivered it
 * @param title never empty: derived from the text when the source has none
 * @param body the story as plain text: no navigation, captions, reader comments or "You may also like"
 * @param summary the source's summary, when it gave one
 * @param language BCP 47 language tag, or {@code null} when it could not be told
 * @param published when the source published it, with the source's offset; the ingest time when unknown
 * @param publishedEstimated true when {@code published} is the ingest time because the source gave no usable date
 * @param ingestedAt when ingest-service accepted this revision
 * @param contentHash {@code sha256:} and the hex digest of the normalised title and body
 */
public record ArticleIngested(
    String id,
    int revision,
    String url,
    SourceRef source,
    String title,
    String body,
    String summary,
    String language,
    OffsetDateTime published,
    boolean publishedEstimated,
    Instant ingestedAt,
    String contentHash) {

  public ArticleIngested {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(published, "published");
    requireNonNull(ingestedAt, "ingestedAt");
    requireNonNull(contentHash, "contentHash");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1, was " + revision);
    }
  }
}
