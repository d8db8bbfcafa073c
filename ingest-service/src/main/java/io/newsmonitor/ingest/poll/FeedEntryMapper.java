package io.newsmonitor.ingest.poll;

import io.newsmonitor.events.SourceRef;
import io.newsmonitor.ingest.extract.ExtractedPage;
import io.newsmonitor.ingest.feed.FeedEntry;
import io.newsmonitor.ingest.feed.ParsedFeed;
import io.newsmonitor.ingest.service.ArticleDraft;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.newsmonitor.ingest.text.Boilerplate;
import io.newsmonitor.ingest.text.HtmlText;
import io.newsmonitor.ingest.text.PublishedDates;
import io.newsmonitor.ingest.text.TextNormalizer;
import io.newsmonitor.ingest.text.Titles;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the entries of a parsed feed into article drafts: clean text (from the linked page when the feed gives only a summary),
 * a title, a date and an identity that survives feeds without GUIDs or with one GUID repeated for different items.
 */
public final class FeedEntryMapper {

  /** The linked page of an entry, fetched and extracted; empty when it may not or could not be fetched. */
  @FunctionalInterface
  public interface PageLookup {
    Optional<ExtractedPage> page(URI link);
  }

  /** What the mapper knows of the source being read. */
  public record SourceContext(SourceRef source, Optional<String> language, ZoneId zone, int summaryThreshold) {
  }

  /** An entry's draft, or why it has none. */
  public record Mapped(Optional<ArticleDraft> draft, String skipReason) {
    static Mapped of(ArticleDraft draft) {
      return new Mapped(Optional.of(draft), "");
    }

    static Mapped skipped(String reason) {
      return new Mapped(Optional.empty(), reason);
    }
  }

  private FeedEntryMapper() {
  }

  /** One result per entry of {@code feed}, in order. */
  public static List<Mapped> map(SourceContext context, ParsedFeed feed, Instant fetchedAt, PageLookup pages) {
    Map<String, Integer> guidCounts = new HashMap<>();
    Map<String, Integer> linkCounts = new HashMap<>();
    for (FeedEntry entry : feed.entries()) {
      entry.guid().ifPresent(guid -> guidCounts.merge(guid, 1, Integer::sum));
      entry.link().flatMap(ArticleIdentity::canonicalUrl).ifPresent(link -> linkCounts.merge(link, 1, Integer::sum));
    }
    Optional<String> feedLanguage = feed.language().flatMap(FeedEntryMapper::primaryLanguage);
    List<Mapped> mapped = new ArrayList<>(feed.entries().size());
    for (FeedEntry entry : feed.entries()) {
      // A GUID or a link that several entries of one document share (a site's home page, a reused id) identifies none of them.
      boolean guidTrusted = entry.guid().map(guid -> guidCounts.get(guid) == 1).orElse(false);
      boolean linkTrusted = entry.link().flatMap(ArticleIdentity::canonicalUrl).map(link -> linkCounts.get(link) == 1).orElse(false);
      mapped.add(map(context, entry, guidTrusted, linkTrusted, feedLanguage, fetchedAt, pages));
    }
    return mapped;
  }

  static Mapped map(SourceContext context, FeedEntry entry, boolean guidTrusted, boolean linkTrusted, Optional<String> feedLanguage, Instant fetchedAt,
                    PageLookup pages) {
    Optional<String> link = entry.link().flatMap(ArticleIdentity::canonicalUrl).filter(any -> linkTrusted);
    Optional<String> summary = entry.summaryHtml().map(HtmlText::toPlainText).filter(text -> !text.isBlank());
    String text = entry.contentHtml().or(entry::summaryHtml).map(html -> Boilerplate.clean(HtmlText.toPlainText(html)).body()).orElse("");

    Optional<ExtractedPage> page = link.isPresent() && text.length() < context.summaryThreshold() ? pages.page(URI.create(link.get())) : Optional.empty();
    String body = TextNormalizer.normalizeBody(page.map(ExtractedPage::text).filter(pageText -> pageText.length() > text.length()).orElse(text));
    if (body.isEmpty()) {
      return Mapped.skipped("no text: neither the entry nor its page has any");
    }
    // The page's rel=canonical is the publisher's own word on the article's address: it wins over the feed's tracking link.
    Optional<String> url = page.flatMap(ExtractedPage::canonicalUrl).flatMap(ArticleIdentity::canonicalUrl).or(() -> link);

    String givenTitle = TextNormalizer.normalizeTitle(entry.title().or(() -> page.flatMap(ExtractedPage::title)).orElse(""));
    String title = givenTitle.isEmpty() ? Titles.fromBody(body) : givenTitle;
    String lead = body.split("\n\n", 2)[0];
    Optional<OffsetDateTime> published = entry.published().or(entry::updated).map(instant -> instant.atOffset(ZoneOffset.UTC))
        .or(() -> page.flatMap(ExtractedPage::published))
        // Only the lead: further down, dates are those of the events reported.
        .or(() -> PublishedDates.findInText(lead, fetchedAt, context.zone()));
    Optional<String> language = context.language().or(() -> feedLanguage).or(() -> page.flatMap(ExtractedPage::language).flatMap(FeedEntryMapper::primaryLanguage));

    String id;
    if (url.isPresent()) {
      id = ArticleIdentity.idOfUrl(url.get());
    } else if (guidTrusted) {
      id = ArticleIdentity.idOfGuid(context.source().id(), entry.guid().orElseThrow());
    } else {
      // Neither a link nor a GUID of its own: what the item says is all that tells it apart.
      id = ArticleIdentity.idOfGuid(context.source().id(),
          "content:" + published.map(OffsetDateTime::toString).orElse("") + "\n" + ArticleIdentity.contentHash(title, body));
    }
    Optional<String> distinctSummary = summary.filter(s -> !s.equals(body));
    return Mapped.of(new ArticleDraft(id, url, context.source(), title, body, published, distinctSummary, language));
  }

  /** {@code en-US} → {@code en}; empty for what is not a language tag. */
  static Optional<String> primaryLanguage(String tag) {
    String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return primary.matches("[a-z]{2,3}") ? Optional.of(primary) : Optional.empty();
  }
}
