package io.newsmonitor.ingest.seed;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link SeedParser} found in a seed article.
 *
 * @param title the header's title, or one derived from the story; never empty
 * @param titleDerived true when the file had no title line
 * @param source the source the file names (a header line or a {@code Name |} line), if any
 * @param section the section the header names, if any
 * @param published the date of the header, or one found in the first paragraph; in UTC when the file gives no zone
 * @param body the story: paragraphs separated by a blank line, without captions, trailers or reader comments
 * @param commentCount the count of the reader comment thread that was cut off, if its heading gave one ({@code 25 Comments})
 */
public record ParsedSeed(
    String title,
    boolean titleDerived,
    Optional<String> source,
    Optional<String> section,
    Optional<OffsetDateTime> published,
    String body,
    OptionalInt commentCount) {

  public ParsedSeed {
    requireNonNull(title, "title");
    requireNonNull(source, "source");
    requireNonNull(section, "section");
    requireNonNull(published, "published");
    requireNonNull(body, "body");
    requireNonNull(commentCount, "commentCount");
    if (title.isBlank() || body.isBlank()) {
      throw new IllegalArgumentException("a parsed seed has a title and a body");
    }
  }
}
