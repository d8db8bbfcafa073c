package io.newsmonitor.ingest.service;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.events.SourceRef;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A clean, checked article waiting to be identified against what was already published.
 *
 * @param id the stable article id ({@link ArticleIdentity})
 * @param url the canonical URL, empty for items without one
 * @param source where it came from
 * @param title normalised, not empty
 * @param body normalised plain text, not empty
 * @param published when the source published it; empty when it did not say
 * @param summary the source's own summary, as plain text, when it gave one
 * @param language the language the source declared (BCP 47); empty to have it detected
 */
public record ArticleDraft(String id, Optional<String> url, SourceRef source, String title, String body, Optional<OffsetDateTime> published,
                           Optional<String> summary, Optional<String> language) {

  public ArticleDraft {
    requireNonNull(id, "id");
    requireNonNull(url, "url");
    requireNonNull(source, "source");
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(published, "published");
    requireNonNull(summary, "summary");
    requireNonNull(language, "language");
    if (title.isBlank() || body.isBlank()) {
      throw new IllegalArgumentException("a draft has a title and a body");
    }
  }

  /** A draft without a summary, in a language to be detected. */
  public ArticleDraft(String id, Optional<String> url, SourceRef source, String title, String body, Optional<OffsetDateTime> published) {
    this(id, url, source, title, body, published, Optional.empty(), Optional.empty());
  }
}
