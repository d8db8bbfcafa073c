package io.newsmonitor.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsmonitor.ingest.text.Boilerplate;
import io.newsmonitor.ingest.text.HtmlText;
import io.newsmonitor.ingest.text.PublishedDates;
import io.newsmonitor.ingest.text.TextNormalizer;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The story and metadata of a fetched article page, readability-style: page furniture removed (navigation, asides, share bars,
 * related links, comment sections), then the densest block of paragraphs taken and cleaned by {@link Boilerplate}. Pure: no I/O.
 */
public final class PageExtractor {

  // Class or id words of reader comment sections: "comments", "comment-list", "disqus_thread", "respond".
  private static final Pattern COMMENTS = Pattern.compile("(?:^|[\\s_-])(?:comments?|commentlist|disqus|dsq|respond|replies)(?:$|[\\s_-])",
      Pattern.CASE_INSENSITIVE);
  // Class or id words of other furniture; as state words on a wrapper ("with-sidebar") they may hold the story, see isFurniture.
  private static final Pattern FURNITURE = Pattern.compile("(?:^|[\\s_-])(?:related|recirc|recommended|most-?read|popular|trending|share|sharing|social"
      + "|newsletter|subscribe|signup|promo|advert|advertisement|ads?|adslot|sponsor(?:ed)?|outbrain|taboola|breadcrumbs?|sidebar|widget|menu|navbar"
      + "|masthead|cookie|consent|paywall|tags|pagination|author-bio)(?:$|[\\s_-])", Pattern.CASE_INSENSITIVE);
  private static final Pattern BYLINE = Pattern.compile("(?:^|[\\s_-])(?:byline|dateline|date|published|posted|timestamp|article-meta|post-meta|post-info|entry-meta)(?:$|[\\s_-])",
      Pattern.CASE_INSENSITIVE);
  private static final String ALWAYS_FURNITURE = "nav, aside, footer, menu, dialog, form, [role=navigation], [role=banner], [role=contentinfo], "
      + "[role=complementary], [role=search], [role=dialog]";
  private static final String STORY = "html, body, main, article, [itemprop=articleBody]";
  // Title separators before the site's name: "Story | Site", "Story - Site".
  private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{10,}?)\\s+(?:\\||::|·|-|–|—)\\s+([^|]{1,40})$");
  private static final Pattern SITE_NAME = Pattern.compile("(?:[\\p{Lu}\\d][\\p{L}\\d.&'’]*\\s*){1,4}");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("([a-zA-Z]{2,3})(?:[-_].*)?");
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .build();
  /** An article block holding less than this share of the page's paragraph text is a teaser, not the story. */
  private static final double MIN_STORY_SHARE = 0.4;
  /** Below this many characters of paragraph text, a page has no paragraphs worth scoring: its main block is taken whole. */
  private static final int MIN_PARAGRAPH_TEXT = 200;

  private PageExtractor() {
  }

  /**
   * Extracts a fetched article page.
   *
   * @param pageUri the page's address, against which relative links resolve; null when unknown
   * @param fetchTime when the page was fetched, for relative dates; null when unknown
   * @param sourceZone the zone of dates written without one
   */
  public static ExtractedPage extract(String html, URI pageUri, Instant fetchTime, ZoneId sourceZone) {
    Document page = Jsoup.parse(html == null ? "" : html, pageUri == null ? "" : pageUri.toString());
    Optional<String> canonicalUrl = absoluteUrl(page.selectFirst("link[rel=canonical][href]"), "href")
        .or(() -> absoluteUrl(page.selectFirst("meta[property=og:url][content]"), "content"));
    Optional<String> title = title(page);
    Optional<String> language = language(page);
    Optional<OffsetDateTime> published = metadataDate(page, fetchTime, sourceZone);
    int commentCount = commentCount(page);

    removeFurniture(page);
    if (published.isEmpty()) {
      published = page.select("time[datetime]").stream()
          .flatMap(time -> PublishedDates.parse(time.attr("datetime"), fetchTime, sourceZone).stream()).findFirst();
    }
    List<Element> bylines = page.getAllElements().stream().filter(element -> isRemovable(element) && matchesClassOrId(BYLINE, element)).toList();
    String bylineText = bylines.stream().map(Element::text).collect(Collectors.joining("\n"));
    bylines.forEach(Element::remove);
    // The title is the title; links to the comment section ("25 Comments") would read as its heading and cut the story.
    page.select("h1, a[href*=#comment], a[href*=#respond], a[href*=#disqus]").remove();

    Boilerplate.Cleaned story = Boilerplate.clean(HtmlText.toPlainText(storyBlock(page)));
    if (published.isEmpty()) {
      String lead = story.body().lines().filter(line -> !line.isEmpty()).limit(2).collect(Collectors.joining("\n"));
      published = PublishedDates.findInText(bylineText, fetchTime, sourceZone).or(() -> PublishedDates.findInText(lead, fetchTime, sourceZone));
    }
    return new ExtractedPage(canonicalUrl, title, story.body(), published, language, commentCount > 0 ? commentCount : story.commentCount());
  }

  /** The count of reader comments in the page's comment sections: their heading's ({@code 3 Comments}), else the comments shown. */
  private static int commentCount(Document page) {
    int count = 0;
    for (Element section : commentSections(page)) {
      int heading = Boilerplate.clean(HtmlText.toPlainText(section)).commentCount();
      int shown = section.select(".comment, [itemprop=comment], li[id^=comment-], article[id^=comment-]").stream()
          .filter(comment -> comment.parents().stream().noneMatch(parent -> parent.hasClass("comment"))).toList().size();
      count = Math.max(count, heading > 0 ? heading : shown);
    }
    return count;
  }

  /** The outermost comment sections; never the story or what holds it, which a state word such as {@code has-comments} may mark. */
  private static List<Element> commentSections(Document page) {
    return page.getAllElements().stream()
        .filter(element -> isRemovable(element) && matchesClassOrId(COMMENTS, element))
        .filter(element -> element.parents().stream().noneMatch(parent -> isRemovable(parent) && matchesClassOrId(COMMENTS, parent)))
        .toList();
  }

  /**
   * Removes what is never the story: navigation, asides, footers, forms, comment sections and, unless it holds most of the
   * paragraphs (then it is a wrapper with a state word such as {@code with-sidebar}), any block marked as related links, share
   * bar, newsletter box or advertisement. The page's own header goes; an article's header (title, byline) stays for now.
   */
  private static void removeFurniture(Document page) {
    commentSections(page).forEach(Element::remove);
    page.select(ALWAYS_FURNITURE).stream().filter(PageExtractor::isRemovable).forEach(Element::remove);
    page.select("header").stream().filter(header -> header.closest("article, main, [itemprop=articleBody]") == null).forEach(Element::remove);
    int pageText = paragraphText(page.body());
    page.getAllElements().stream()
        .filter(element -> isRemovable(element) && matchesClassOrId(FURNITURE, element))
        .filter(element -> paragraphText(element) * 2 < Math.max(pageText, 1))
        .forEach(Element::remove);
  }

  private static boolean isRemovable(Element element) {
    return !element.is(STORY) && element.selectFirst("article, main, [itemprop=articleBody]") == null;
  }

  /**
   * The block that holds the story: the {@code itemprop=articleBody} or {@code <article>} with the most paragraph text, unless
   * it is a teaser beside a longer text; else the element whose paragraphs (children, and half of grandchildren) hold the most text.
   */
  private static Element storyBlock(Document page) {
    Element body = page.body();
    int pageText = paragraphText(body);
    if (pageText < MIN_PARAGRAPH_TEXT) {
      return Optional.ofNullable(page.selectFirst("[itemprop=articleBody], article, main")).orElse(body);
    }
    for (String marked : List.of("[itemprop=articleBody]", "article")) {
      Optional<Element> best = page.select(marked).stream().max(Comparator.comparingInt(PageExtractor::paragraphText));
      if (best.isPresent() && paragraphText(best.get()) >= pageText * MIN_STORY_SHARE) {
        return best.get();
      }
    }
    Map<Element, Integer> scores = new HashMap<>();
    for (Element paragraph : body.select("p")) {
      int length = paragraph.text().length();
      Element parent = paragraph.parent();
      if (parent != null) {
        scores.merge(parent, length, Integer::sum);
        if (parent.parent() != null) {
          scores.merge(parent.parent(), length / 2, Integer::sum);
        }
      }
    }
    return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(body);
  }

  private static int paragraphText(Element element) {
    return element == null ? 0 : element.select("p").stream().mapToInt(paragraph -> paragraph.text().length()).sum();
  }

  private static Optional<String> title(Document page) {
    Optional<String> og = content(page, "meta[property=og:title], meta[name=og:title], meta[name=twitter:title]");
    if (og.isPresent()) {
      return og;
    }
    String documentTitle = TextNormalizer.normalizeTitle(page.title());
    if (!documentTitle.isEmpty()) {
      var suffix = TITLE_SUFFIX.matcher(documentTitle);
      String siteName = content(page, "meta[property=og:site_name]").orElse("");
      boolean isSite = suffix.matches() && (suffix.group(2).equalsIgnoreCase(siteName) || documentTitle.contains(" | ")
          || SITE_NAME.matcher(suffix.group(2)).matches());
      return Optional.of(isSite ? suffix.group(1).strip() : documentTitle);
    }
    Element h1 = Optional.ofNullable(page.selectFirst("article h1, main h1")).orElse(page.selectFirst("h1"));
    return h1 == null ? Optional.empty() : Optional.of(TextNormalizer.normalizeTitle(h1.text())).filter(text -> !text.isEmpty());
  }

  private static Optional<String> language(Document page) {
    String tag = page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang");
    if (tag.isBlank()) {
      tag = content(page, "meta[http-equiv=content-language], meta[property=og:locale]").orElse("");
    }
    var code = LANGUAGE_TAG.matcher(tag.strip());
    return code.matches() ? Optional.of(code.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  private static Optional<OffsetDateTime> metadataDate(Document page, Instant fetchTime, ZoneId sourceZone) {
    Optional<OffsetDateTime> meta = content(page, "meta[property=article:published_time], meta[name=article:published_time]")
        .flatMap(value -> PublishedDates.parse(value, fetchTime, sourceZone));
    if (meta.isPresent()) {
      return meta;
    }
    for (Element item : page.select("[itemprop=datePublished]")) {
      String value = item.hasAttr("content") ? item.attr("content") : item.hasAttr("datetime") ? item.attr("datetime") : item.text();
      Optional<OffsetDateTime> date = PublishedDates.parse(value, fetchTime, sourceZone);
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element script : page.select("script[type=application/ld+json]")) {
      Optional<OffsetDateTime> date = jsonLdDatePublished(script.data()).flatMap(value -> PublishedDates.parse(value, fetchTime, sourceZone));
      if (date.isPresent()) {
        return date;
      }
    }
    return content(page, "meta[name=pubdate], meta[name=publishdate], meta[name=parsely-pub-date], meta[name=sailthru.date], "
        + "meta[name=dc.date.issued], meta[name=dcterms.created], meta[name=date]")
        .flatMap(value -> PublishedDates.parse(value, fetchTime, sourceZone));
  }

  /** The first {@code datePublished} in a JSON-LD block, at any depth ({@code @graph}, arrays, {@code mainEntity}). */
  static Optional<String> jsonLdDatePublished(String json) {
    try {
      return datePublished(JSON.readTree(json));
    } catch (JsonProcessingException malformed) {
      return Optional.empty();
    }
  }

  private static Optional<String> datePublished(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject() && node.path("datePublished").isTextual()) {
      return Optional.of(node.get("datePublished").asText());
    }
    for (JsonNode child : node) {
      Optional<String> found = datePublished(child);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> content(Document page, String selector) {
    return page.select(selector).stream().map(meta -> TextNormalizer.normalizeLine(meta.attr("content"))).filter(value -> !value.isEmpty()).findFirst();
  }

  private static Optional<String> absoluteUrl(Element element, String attribute) {
    if (element == null) {
      return Optional.empty();
    }
    String url = element.absUrl(attribute);
    return url.startsWith("http://") || url.startsWith("https://") ? Optional.of(url) : Optional.empty();
  }

  private static boolean matchesClassOrId(Pattern words, Element element) {
    return words.matcher(element.className()).find() || words.matcher(element.id()).find();
  }
}
