package io.newsmonitor.ingest.feed;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One item or entry of a {@link ParsedFeed}.
 *
 * @param guid the RSS {@code <guid>}, RSS 1.0 {@code rdf:about} or Atom {@code <id>} as written; empty when the source has none (never made up from
 *     the link)
 * @param link the item's web page, resolved against {@code xml:base} and the feed's URL; an RSS permalink guid stands in for a missing link
 * @param title plain text: markup removed and entities decoded when the source says the title is HTML or XHTML
 * @param summaryHtml the RSS description or Atom summary as HTML, unsanitised; plain-text sources are escaped
 * @param contentHtml the full content ({@code content:encoded}, Atom content) as HTML, unsanitised; plain-text sources are escaped
 * @param published RSS {@code pubDate}, {@code dcterms:issued}, Atom {@code published} (0.3: {@code issued})
 * @param updated Atom {@code updated} (0.3: {@code modified}), {@code dc:date}, {@code dcterms:modified}; RSS 1.0 items often only have this one
 * @param author the first author: RSS {@code author}, {@code dc:creator}, or Atom {@code name (email)}
 * @param categories category terms, in document order, without duplicates
 * @param enclosures enclosure URLs (RSS {@code enclosure}, Atom {@code rel="enclosure"}), resolved
 */
public record FeedEntry(Optional<String> guid, Optional<String> link, Optional<String> title, Optional<String> summaryHtml, Optional<String> contentHtml,
    Optional<Instant> published, Optional<Instant> updated, Optional<String> author, List<String> categories, List<String> enclosures) {

  public FeedEntry {
    requireNonNull(guid, "guid");
    requireNonNull(link, "link");
    requireNonNull(title, "title");
    requireNonNull(summaryHtml, "summaryHtml");
    requireNonNull(contentHtml, "contentHtml");
    requireNonNull(published, "published");
    requireNonNull(updated, "updated");
    requireNonNull(author, "author");
    categories = List.copyOf(categories);
    enclosures = List.copyOf(enclosures);
  }
}
