package io.newsmonitor.ingest.extract;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What {@link PageExtractor} found in a fetched article page.
 *
 * @param canonicalUrl the absolute {@code <link rel=canonical>}, else {@code og:url}
 * @param title {@code og:title}, else {@code <title>} without its {@code " | Site"} suffix, else the first {@code <h1>}
 * @param text the story as plain text, paragraphs separated by a blank line; empty when the page holds none
 * @param published {@code article:published_time}, {@code itemprop=datePublished}, JSON-LD {@code datePublished}, a {@code <time datetime>},
 *     else a date written in the byline or the lead
 * @param language the primary subtag of {@code <html lang>} (or of {@code og:locale}), lower case: {@code en} for {@code en-GB}
 * @param commentCount the count of the reader comments the page showed; 0 when it showed none
 */
public record ExtractedPage(Optional<String> canonicalUrl, Optional<String> title, String text, Optional<OffsetDateTime> published,
                            Optional<String> language, int commentCount) {

  public ExtractedPage {
    requireNonNull(canonicalUrl, "canonicalUrl");
    requireNonNull(title, "title");
    requireNonNull(text, "text");
    requireNonNull(published, "published");
    requireNonNull(language, "language");
  }
}
