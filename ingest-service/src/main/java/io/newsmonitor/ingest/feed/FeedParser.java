package io.newsmonitor.ingest.feed;

import static java.util.Objects.requireNonNull;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome. Thread-safe. The XML goes through Rome's hardened SAX builder, which refuses any DOCTYPE, so
 * no entity is ever expanded or fetched; every failure, Rome's runtime exceptions included, comes out as a {@link FeedParseException}.
 */
public final class FeedParser {

  private static final Namespace ATOM_10 = FeedDocuments.ATOM_10;
  private static final Namespace ATOM_03 = FeedDocuments.ATOM_03;
  private static final Namespace DC = Namespace.getNamespace(DCModule.URI);
  private static final Namespace DCTERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
  private static final Pattern DOCTYPE = Pattern.compile("^(?:\\s|<\\?.*?\\?>|<!--.*?-->)*<!DOCTYPE\\b", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_PAGE =
      Pattern.compile("^(?:\\s|<\\?.*?\\?>|<!--.*?-->)*<(?:!DOCTYPE\\s+html\\b|html\\b)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private final HardenedInput input = new HardenedInput();

  public FeedParser() {
  }

  /**
   * Parses one feed document.
   *
   * @param body the bytes as fetched
   * @param contentType the HTTP Content-Type if known (charset hint); baseUri resolves relative links
   * @param baseUri the URL the feed was fetched from: the base for relative links, below any {@code xml:base}
   * @throws FeedParseException when the body is empty, cannot be decoded, is not well-formed XML, has a DOCTYPE, or is not RSS or Atom
   */
  public ParsedFeed parse(byte[] body, Optional<String> contentType, URI baseUri) throws FeedParseException {
    requireNonNull(body, "body");
    requireNonNull(contentType, "contentType");
    requireNonNull(baseUri, "baseUri");
    if (body.length == 0) {
      throw new FeedParseException("not a feed: the body is empty");
    }
    String text = FeedText.decode(body, contentType);
    if (text.isBlank()) {
      throw new FeedParseException("not a feed: the body is blank");
    }
    Document document = readXml(text);
    try {
      FeedDocuments.repair(document.getRootElement());
      SyndFeed feed = new SyndFeedImpl(readFeed(document), true);
      return new Mapping(document, baseUri).feed(feed);
    } catch (RuntimeException e) {
      throw new FeedParseException("not a feed: Rome could not read it: " + e, e);
    }
  }

  private Document readXml(String text) throws FeedParseException {
    SAXBuilder builder = input.saxBuilder();
    try {
      // The healer drops junk before the prolog and turns HTML entities such as &nbsp; into character references.
      return builder.build(new XmlFixerReader(new StringReader(text)));
    } catch (JDOMParseException e) {
      if (HTML_PAGE.matcher(text).find()) {
        throw new FeedParseException("not a feed: this is an HTML page, not RSS or Atom", e);
      }
      if (DOCTYPE.matcher(text).find()) {
        throw new FeedParseException("DOCTYPE declarations are refused (XXE/entity expansion): the feed declares one", e);
      }
      String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + (e.getColumnNumber() > 0 ? ", column " + e.getColumnNumber() : "") : "";
      String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
      throw new FeedParseException("not a feed: malformed XML" + where + ": " + why, e);
    } catch (JDOMException | IOException | RuntimeException e) {
      throw new FeedParseException("not a feed: unreadable XML: " + e.getMessage(), e);
    }
  }

  private WireFeed readFeed(Document document) throws FeedParseException {
    Element root = document.getRootElement();
    try {
      return input.build(document);
    } catch (IllegalArgumentException e) {
      if (root.getName().equalsIgnoreCase("html")) {
        throw new FeedParseException("not a feed: this is an (X)HTML page, not RSS or Atom", e);
      }
      String namespace = root.getNamespaceURI().isEmpty() ? "" : " in namespace " + root.getNamespaceURI();
      throw new FeedParseException("not a feed: the root element <" + root.getQualifiedName() + ">" + namespace + " is not RSS, RDF or Atom", e);
    } catch (FeedException e) {
      throw new FeedParseException("not a feed: " + e.getMessage(), e);
    }
  }

  /** Rome's input with a way to reach the SAX builder it hardens (DOCTYPE refused, no external entities), which it keeps protected. */
  private static final class HardenedInput extends WireFeedInput {

    SAXBuilder saxBuilder() {
      return createSAXBuilder();
    }
  }

  /** Rome's view plus the parsed document, for what Rome leaves out: {@code xml:base}, hub and self links, dcterms dates, {@code xml:lang}. */
  private static final class Mapping {

    private final Element root;
    private final Element container;
    private final URI documentBase;

    Mapping(Document document, URI baseUri) {
      this.root = document.getRootElement();
      Element channel = children(root, "channel").stream().findFirst().orElse(null);
      this.container = channel != null ? channel : root;
      this.documentBase = baseUri;
    }

    ParsedFeed feed(SyndFeed feed) {
      WireFeed wire = feed.originalWireFeed();
      URI base = base(container);
      Optional<String> title;
      if (wire instanceof Feed atom) {
        title = text(atom.getTitleEx());
      } else {
        title = nonBlank(feed.getTitle()).or(() -> dc(wire.getModule(DCModule.URI)).map(DCModule::getTitle).flatMap(FeedParser::nonBlank)).map(Html::collapse);
      }
      // For Atom, Rome's SyndFeed link can be the self link; the alternate link is the feed's web page.
      Optional<String> link = wire instanceof Feed atom ? atomLink(atom.getAlternateLinks(), base) : Optional.empty();
      if (link.isEmpty()) {
        link = nonBlank(feed.getLink()).map(href -> resolve(base, href));
      }
      Optional<String> language = nonBlank(wire instanceof Channel channel ? channel.getLanguage() : null)
          .or(() -> dc(wire instanceof Channel channel ? channel.getModule(DCModule.URI) : null).map(DCModule::getLanguage).flatMap(FeedParser::nonBlank))
          .or(() -> nonBlank(wire instanceof Feed atom ? atom.getLanguage() : null))
          .or(() -> nonBlank(container.getAttributeValue("lang", Namespace.XML_NAMESPACE)))
          .or(() -> nonBlank(root.getAttributeValue("lang", Namespace.XML_NAMESPACE)))
          .map(tag -> tag.trim().replace('_', '-'));

      List<Element> items = new ArrayList<>(children(container, wire instanceof Feed ? "entry" : "item"));
      if (container != root) {
        items.addAll(children(root, "item"));
      }
      List<SyndEntry> syndEntries = feed.getEntries();
      boolean aligned = items.size() == syndEntries.size();
      List<FeedEntry> entries = new ArrayList<>(syndEntries.size());
      for (int i = 0; i < syndEntries.size(); i++) {
        entries.add(entry(syndEntries.get(i), aligned ? items.get(i) : null, wire.getFeedType()));
      }
      return new ParsedFeed(title, link, language, discovered("hub"), discovered("self"), entries);
    }

    private FeedEntry entry(SyndEntry syndEntry, Element element, String feedType) {
      URI base = element != null ? base(element) : base(container);
      Object wire = syndEntry.getWireEntry();
      Optional<String> guid;
      Optional<String> title;
      Optional<String> summary;
      Optional<String> content;
      Optional<Instant> published;
      Optional<Instant> updated;
      Optional<String> link = Optional.empty();
      Optional<String> author;
      Set<String> categories = new LinkedHashSet<>();
      for (SyndCategory category : syndEntry.getCategories()) {
        nonBlank(category.getName()).map(String::trim).ifPresent(categories::add);
      }
      if (wire instanceof Entry atom) {
        guid = nonBlank(atom.getId()).map(String::trim);
        link = atomLink(atom.getAlternateLinks(), base);
        title = text(atom.getTitleEx());
        summary = html(atom.getSummary());
        content = atom.getContents().stream().map(FeedParser.Mapping::html).flatMap(Optional::stream).findFirst();
        published = instant(atom.getPublished()).or(() -> instant(atom.getIssued()));
        updated = instant(atom.getUpdated()).or(() -> instant(atom.getModified()));
        // Rome reads Atom 0.3 dates only under their 0.3 names; feeds that mix in the 1.0 names mean those.
        if (element != null && ATOM_03.equals(element.getNamespace())) {
          published = date(element.getChild("published", ATOM_03)).or(() -> instant(atom.getIssued())).or(() -> instant(atom.getCreated()));
          updated = date(element.getChild("updated", ATOM_03)).or(() -> instant(atom.getModified()));
        }
        author = atom.getAuthors().stream().map(FeedParser.Mapping::person).flatMap(Optional::stream).findFirst();
      } else {
        Item item = (Item) wire;
        // The wire item's Dublin Core, not the SyndEntry's: Rome's converters overwrite parts of the latter with the RSS fields, absent or not.
        Optional<DCModule> dc = dc(item.getModule(DCModule.URI));
        Guid itemGuid = item.getGuid();
        // Rome makes up an entry URI from the link when there is no guid; only a guid the feed wrote (or RSS 1.0's rdf:about) is an id.
        guid = nonBlank(itemGuid != null ? itemGuid.getValue() : "rss_1.0".equals(feedType) ? item.getUri() : null).map(String::trim);
        title = nonBlank(item.getTitle()).or(() -> dc.map(DCModule::getTitle).flatMap(FeedParser::nonBlank)).map(Html::collapse);
        Description description = item.getDescription();
        summary = nonBlank(description != null ? description.getValue() : null).or(() -> dc.map(DCModule::getDescription).flatMap(FeedParser::nonBlank));
        content = item.getContent() != null ? nonBlank(item.getContent().getValue()) : Optional.empty();
        published = instant(item.getPubDate()).or(() -> element != null ? date(element.getChild("issued", DCTERMS)) : Optional.empty());
        updated = dc.map(DCModule::getDate).flatMap(FeedParser.Mapping::instant)
            .or(() -> element != null ? date(element.getChild("modified", DCTERMS)) : Optional.empty());
        // dc:author is no Dublin Core term, but feeds write it for dc:creator.
        author = nonBlank(item.getAuthor()).or(() -> dc.map(DCModule::getCreator).flatMap(FeedParser::nonBlank))
            .or(() -> element != null ? nonBlank(element.getChildText("author", DC)) : Optional.empty()).map(Html::collapse);
        dc.ifPresent(module -> module.getSubjects().forEach(subject -> nonBlank(subject.getValue()).map(String::trim).ifPresent(categories::add)));
      }
      if (link.isEmpty()) {
        link = nonBlank(syndEntry.getLink()).map(href -> resolve(base, href));
      }
      List<String> enclosures = new ArrayList<>();
      for (SyndEnclosure enclosure : syndEntry.getEnclosures()) {
        nonBlank(enclosure.getUrl()).map(url -> resolve(base, url)).ifPresent(enclosures::add);
      }
      return new FeedEntry(guid, link, title, summary, content, published, updated, author, List.copyOf(categories), enclosures);
    }

    /** WebSub discovery: {@code <atom:link rel="hub|self">} on the Atom feed or the RSS channel. */
    private Optional<URI> discovered(String rel) {
      for (Element link : container.getChildren("link", ATOM_10)) {
        if (rel.equals(link.getAttributeValue("rel")) && link.getAttributeValue("href") != null) {
          try {
            return Optional.of(new URI(resolve(base(container), link.getAttributeValue("href"))));
          } catch (URISyntaxException e) {
            return Optional.empty();
          }
        }
      }
      return Optional.empty();
    }

    /** The base for relative references in an element: the document URL with every {@code xml:base} from the root down applied. */
    private URI base(Element element) {
      URI parentBase = element.getParentElement() != null ? base(element.getParentElement()) : documentBase;
      String xmlBase = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
      if (xmlBase == null || xmlBase.isBlank()) {
        return parentBase;
      }
      try {
        return new URI(resolve(parentBase, xmlBase));
      } catch (URISyntaxException e) {
        return parentBase;
      }
    }

    private Optional<String> atomLink(List<Link> links, URI base) {
      return links.stream().map(Link::getHref).flatMap(href -> nonBlank(href).stream()).findFirst().map(href -> resolve(base, href));
    }

    private static List<Element> children(Element parent, String name) {
      return parent.getChildren().stream().filter(child -> child.getName().equals(name)).toList();
    }

    private static Optional<DCModule> dc(Object module) {
      return module instanceof DCModule dc ? Optional.of(dc) : Optional.empty();
    }

    private static Optional<String> person(SyndPerson person) {
      Optional<String> name = nonBlank(person.getName()).map(Html::collapse);
      Optional<String> email = nonBlank(person.getEmail()).map(String::trim);
      if (name.isPresent() && email.isPresent()) {
        return Optional.of(name.get() + " (" + email.get() + ")");
      }
      return name.or(() -> email);
    }

    /** An Atom text construct as plain text. */
    private static Optional<String> text(Content content) {
      if (content == null || content.getValue() == null) {
        return Optional.empty();
      }
      String value = isMarkup(content) ? Html.toText(content.getValue()) : Html.collapse(content.getValue());
      return nonBlank(value);
    }

    /** An Atom text construct as HTML. */
    private static Optional<String> html(Content content) {
      if (content == null || content.getValue() == null) {
        return Optional.empty();
      }
      String value = content.getValue();
      if (!isMarkup(content)) {
        return nonBlank(Html.escape(value.trim()));
      }
      return nonBlank("xhtml".equals(content.getType()) ? Html.unwrapXhtmlDiv(value).trim() : value.trim());
    }

    /**
     * Whether a text construct holds markup: Atom 1.0 {@code html}/{@code xhtml}, or Atom 0.3 in {@code mode="xml"} (which Rome serialises, text
     * escaped) or with an HTML/XML media type.
     */
    private static boolean isMarkup(Content content) {
      String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
      if (Content.XML.equals(content.getMode())) {
        return true;
      }
      return type.equals("html") || type.equals("xhtml") || type.contains("html") || type.endsWith("/xml") || type.endsWith("+xml");
    }

    private static Optional<Instant> date(Element element) {
      if (element == null) {
        return Optional.empty();
      }
      return instant(DateParser.parseDate(element.getTextNormalize(), Locale.US));
    }

    private static Optional<Instant> instant(Date date) {
      return Optional.ofNullable(date).map(Date::toInstant);
    }

    /** A reference resolved against a base; left as written when either is not a valid URI. */
    private static String resolve(URI base, String reference) {
      String trimmed = reference.trim();
      try {
        URI uri = new URI(trimmed);
        if (uri.isAbsolute() || base == null || !base.isAbsolute()) {
          return uri.toString();
        }
        // URI.resolve joins "http://host" and "a" into "http://hosta": an empty base path is "/".
        URI effectiveBase = base.getRawAuthority() != null && (base.getRawPath() == null || base.getRawPath().isEmpty()) ? base.resolve("/") : base;
        return effectiveBase.resolve(uri).toString();
      } catch (URISyntaxException | IllegalArgumentException e) {
        return trimmed;
      }
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
