package io.newsmonitor.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.events.SourceRef;
import io.newsmonitor.ingest.extract.ExtractedPage;
import io.newsmonitor.ingest.feed.FeedEntry;
import io.newsmonitor.ingest.feed.ParsedFeed;
import io.newsmonitor.ingest.poll.FeedEntryMapper.Mapped;
import io.newsmonitor.ingest.poll.FeedEntryMapper.SourceContext;
import io.newsmonitor.ingest.service.ArticleDraft;
import io.newsmonitor.ingest.service.ArticleIdentity;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedEntryMapperTests {

  private static final Instant FETCHED = Instant.parse("2024-10-19T12:00:00Z");
  private static final SourceContext CONTEXT = new SourceContext(new SourceRef("wire", "Wire"), Optional.empty(), ZoneId.of("Asia/Tokyo"), 200);
  private static final String LONG = "Tokyo and Canberra agreed on Monday to deepen defence cooperation under the second pillar of AUKUS. ".repeat(3);
  private final List<URI> fetched = new ArrayList<>();
  private final FeedEntryMapper.PageLookup noPages = link -> {
    fetched.add(link);
    return Optional.empty();
  };

  @Test
  void anEntryWithALinkIsIdentifiedByItsCanonicalUrl() {
    ArticleDraft draft = only(feed(entry("g1", "https://News.example.org/a?utm_source=rss#top", "  A   title ", "<p>" + LONG + "</p>", Instant.parse("2024-10-18T01:02:03Z"))));
    assertThat(draft.url()).contains("https://news.example.org/a");
    assertThat(draft.id()).isEqualTo(ArticleIdentity.idOfUrl("https://news.example.org/a"));
    assertThat(draft.title()).isEqualTo("A title");
    assertThat(draft.body()).isEqualTo(LONG.strip());
    assertThat(draft.published()).contains(OffsetDateTime.parse("2024-10-18T01:02:03Z"));
    assertThat(fetched).isEmpty();
  }

  @Test
  void withoutALinkTheGuidIdentifiesTheEntry() {
    ArticleDraft draft = only(feed(entry("guid-7", null, "T", LONG, null)));
    assertThat(draft.url()).isEmpty();
    assertThat(draft.id()).isEqualTo(ArticleIdentity.idOfGuid("wire", "guid-7"));
  }

  @Test
  void aGuidOrALinkSharedByDifferentEntriesIdentifiesNoneOfThem() {
    List<Mapped> mapped = FeedEntryMapper.map(CONTEXT, feed(
        entry("same", "https://news.example.org/", "One", LONG + "one", null),
        entry("same", "https://news.example.org/", "Two", LONG + "two", null),
        entry(null, null, "Three", LONG + "three", null)), FETCHED, noPages);
    List<String> ids = mapped.stream().map(m -> m.draft().orElseThrow().id()).toList();
    assertThat(ids).doesNotHaveDuplicates().doesNotContain(ArticleIdentity.idOfUrl("https://news.example.org/"), ArticleIdentity.idOfGuid("wire", "same"));
    // The same entries read again get the same ids: identity comes from what they say.
    List<String> again = FeedEntryMapper.map(CONTEXT, feed(
        entry("same", "https://news.example.org/", "One", LONG + "one", null),
        entry("same", "https://news.example.org/", "Two", LONG + "two", null),
        entry(null, null, "Three", LONG + "three", null)), FETCHED, noPages).stream().map(m -> m.draft().orElseThrow().id()).toList();
    assertThat(again).isEqualTo(ids);
  }

  @Test
  void aSummaryOnlyEntryTakesTheTextTitleDateAndCanonicalUrlOfItsPage() {
    ExtractedPage page = new ExtractedPage(Optional.of("https://news.example.org/canonical"), Optional.of("Page title"), LONG.strip(),
        Optional.of(OffsetDateTime.parse("2024-10-19T09:00:00+09:00")), Optional.of("en-GB"), 25);
    ArticleDraft draft = only(FeedEntryMapper.map(CONTEXT, feed(entry("g", "https://news.example.org/a?utm_medium=feed", null, "Short summary.", null)), FETCHED,
        link -> {
          fetched.add(link);
          return Optional.of(page);
        }));
    assertThat(fetched).containsExactly(URI.create("https://news.example.org/a"));
    assertThat(draft.url()).contains("https://news.example.org/canonical");
    assertThat(draft.body()).isEqualTo(LONG.strip());
    assertThat(draft.summary()).contains("Short summary.");
    assertThat(draft.title()).isEqualTo("Page title");
    assertThat(draft.published()).contains(OffsetDateTime.parse("2024-10-19T09:00:00+09:00"));
    assertThat(draft.language()).contains("en");
  }

  @Test
  void whenThePageCannotBeFetchedTheSummaryIsTheBodyAndTheTitleIsDerived() {
    ArticleDraft draft = only(feed(entry("g", "https://news.example.org/b", null, "Japan joins talks on AUKUS Pillar II. More to follow.", null)));
    assertThat(fetched).hasSize(1);
    assertThat(draft.body()).isEqualTo("Japan joins talks on AUKUS Pillar II. More to follow.");
    assertThat(draft.title()).isNotBlank();
    assertThat(draft.published()).isEmpty();
  }

  @Test
  void anEntryWithoutAnyTextIsSkippedWithItsReason() {
    Mapped mapped = FeedEntryMapper.map(CONTEXT, feed(entry("g", null, "Only a title", null, null)), FETCHED, noPages).get(0);
    assertThat(mapped.draft()).isEmpty();
    assertThat(mapped.skipReason()).contains("no text");
  }

  @Test
  void theSourceLanguageWinsOverTheFeedsAndTheFeedsOverDetection() {
    ParsedFeed french = new ParsedFeed(Optional.of("F"), Optional.empty(), Optional.of("fr-FR"), Optional.empty(), Optional.empty(),
        List.of(entry("g", null, "T", LONG, null)));
    assertThat(only(FeedEntryMapper.map(CONTEXT, french, FETCHED, noPages)).language()).contains("fr");
    SourceContext german = new SourceContext(CONTEXT.source(), Optional.of("de"), CONTEXT.zone(), 200);
    assertThat(only(FeedEntryMapper.map(german, french, FETCHED, noPages)).language()).contains("de");
    assertThat(only(feed(entry("g", null, "T", LONG, null))).language()).isEmpty();
  }

  private ArticleDraft only(ParsedFeed feed) {
    return only(FeedEntryMapper.map(CONTEXT, feed, FETCHED, noPages));
  }

  private static ArticleDraft only(List<Mapped> mapped) {
    assertThat(mapped).hasSize(1);
    return mapped.get(0).draft().orElseThrow();
  }

  private static ParsedFeed feed(FeedEntry... entries) {
    return new ParsedFeed(Optional.of("Feed"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(entries));
  }

  private static FeedEntry entry(String guid, String link, String title, String html, Instant published) {
    return new FeedEntry(Optional.ofNullable(guid), Optional.ofNullable(link), Optional.ofNullable(title), Optional.ofNullable(html), Optional.empty(),
        Optional.ofNullable(published), Optional.empty(), Optional.empty(), List.of(), List.of());
  }
}
