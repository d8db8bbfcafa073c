package io.newsmonitor.ingest.feed;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What {@link FeedParser} found in a feed.
 *
 * @param title the feed's title as plain text
 * @param link the feed's web page (the channel link or Atom alternate link), resolved
 * @param language the feed's language as a BCP 47 tag ({@code en_US} becomes {@code en-US})
 * @param hub the WebSub hub ({@code <atom:link rel="hub">}), resolved
 * @param self the feed's own URL as it states it ({@code <atom:link rel="self">}), resolved
 * @param entries the items or entries, in document order
 */
public record ParsedFeed(Optional<String> title, Optional<String> link, Optional<String> language, Optional<URI> hub, Optional<URI> self,
    List<FeedEntry> entries) {

  public ParsedFeed {
    requireNonNull(title, "title");
    requireNonNull(link, "link");
    requireNonNull(language, "language");
    requireNonNull(hub, "hub");
    requireNonNull(self, "self");
    entries = List.copyOf(entries);
  }
}
