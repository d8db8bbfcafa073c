package io.newsmonitor.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/** Repairs to a parsed document before Rome reads it: shapes that real feeds use and Rome rejects, misreads or crashes on. */
final class FeedDocuments {

  static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
  /** Namespaces of the drafts before Atom 0.3 (2003), still found on old feeds; read as Atom 0.3. */
  private static final Set<String> DRAFT_ATOM_NAMESPACES =
      Set.of("http://example.com/newformat#", "http://example.com/necho", "http://purl.org/echo/", "uri/of/echo/namespace#", "http://purl.org/pie/");
  private static final Set<String> TEXT_CONSTRUCTS = Set.of("title", "subtitle", "tagline", "summary", "content", "rights", "copyright");

  private FeedDocuments() {
  }

  static void repair(Element root) {
    readDraftAtomAsAtom(root);
    if (ATOM_10.equals(root.getNamespace()) || ATOM_03.equals(root.getNamespace())) {
      for (Element element : elements(root, root.getNamespace())) {
        if (element.getName().equals("link")) {
          hrefFromText(element);
        } else if (TEXT_CONSTRUCTS.contains(element.getName())) {
          decodeBase64(element, ATOM_03.equals(root.getNamespace()));
        }
      }
    } else if (root.getName().equals("rss") && root.getChild("channel", root.getNamespace()) == null) {
      wrapInChannel(root);
    }
  }

  /** A {@code <feed>} in no namespace or in a pre-0.3 draft namespace is moved into the Atom namespace, so that Rome recognises it. */
  private static void readDraftAtomAsAtom(Element root) {
    String uri = root.getNamespaceURI();
    boolean draft = DRAFT_ATOM_NAMESPACES.contains(uri);
    if (!root.getName().equals("feed") || !draft && !uri.isEmpty()) {
      return;
    }
    Namespace atom = draft || "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10;
    Namespace from = root.getNamespace();
    for (Element element : elements(root, from)) {
      element.setNamespace(atom);
    }
    root.setNamespace(atom);
  }

  /** {@code <link>http://…</link>}: RSS habits in an Atom feed; the text is the only href there is. */
  private static void hrefFromText(Element link) {
    String text = link.getTextTrim();
    if (link.getAttribute("href") == null && !text.isEmpty()) {
      link.setAttribute("href", text);
    }
  }

  /**
   * Decodes base64 text constructs ourselves: Rome's decoder fails on the line breaks and indentation around the payload (Atom 0.3
   * {@code mode="base64"}), and leaves Atom 1.0 non-text media types encoded. Text payloads become escaped text (0.3, type kept) or HTML (1.0, where
   * the media type says nothing about text); binary payloads have no text form and are dropped.
   */
  private static void decodeBase64(Element element, boolean atom03) {
    String type = Optional.ofNullable(element.getAttributeValue("type")).orElse("").trim().toLowerCase(Locale.ROOT);
    boolean encoded = atom03
        ? "base64".equals(element.getAttributeValue("mode"))
        : type.contains("/") && !type.startsWith("text/") && !type.endsWith("/xml") && !type.endsWith("+xml") && element.getAttribute("src") == null;
    if (!encoded) {
      return;
    }
    Optional<String> decoded = decodeText(element.getText());
    element.setText(decoded.orElse(""));
    if (atom03) {
      element.setAttribute("mode", "escaped");
    } else {
      element.setAttribute("type", "html");
    }
  }

  private static Optional<String> decodeText(String base64) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(base64.trim());
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The descendants in a namespace, copied: the callers change the tree as they go. */
  private static List<Element> elements(Element root, Namespace namespace) {
    List<Element> elements = new ArrayList<>();
    root.getDescendants(Filters.element(namespace)).forEach(elements::add);
    return elements;
  }

  /** {@code <rss><item>…</item></rss>} without a channel: Rome needs one, and the items plainly belong to it. */
  private static void wrapInChannel(Element rss) {
    Element channel = new Element("channel", rss.getNamespace());
    List<org.jdom2.Content> content = new ArrayList<>(rss.getContent());
    rss.removeContent();
    channel.addContent(content);
    rss.addContent(channel);
  }
}
