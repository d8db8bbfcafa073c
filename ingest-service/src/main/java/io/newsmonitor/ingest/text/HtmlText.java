package io.newsmonitor.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** HTML of a feed item or an article block as plain text: one paragraph per block, separated by a blank line. */
public final class HtmlText {

  /** Elements whose text is never the story: code, embedded media, images with their captions, forms. */
  private static final String NOT_TEXT = "script, style, noscript, template, iframe, object, embed, svg, canvas, video, audio, picture, img, "
      + "figure, figcaption, form, button, input, select, textarea, [hidden], [aria-hidden=true]";
  // Class or id words of share bars and social widgets: "share-bar", "social-links", "sharedaddy".
  private static final Pattern SHARE_WIDGET = Pattern.compile("(?:^|[\\s_-])(?:share|sharing|sharedaddy|social|addthis|addtoany)(?:$|[\\s_-])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern READ_MORE = Pattern.compile(
      "(?:Read|See|View) (?:more|the (?:full|rest of the|whole) (?:story|article))|Continue reading.*|Read on|Keep reading|More\\W*$",
      Pattern.CASE_INSENSITIVE);
  // WordPress feeds end summaries with "[…]" and a "The post X appeared first on Y." footer.
  private static final Pattern TRUNCATION_MARK = Pattern.compile("\\s*\\[(?:…|\\.\\.\\.|&hellip;)]\\s*$");
  private static final Pattern POST_FOOTER = Pattern.compile("The post .+ appeared first on .+\\.?");
  private static final Set<String> LINE_BREAKS = Set.of("br", "hr");

  private HtmlText() {
  }

  /**
   * Feed item HTML ({@code summary} or {@code content:encoded}) as clean plain text: paragraphs separated by a blank line,
   * entities decoded, NFC, NBSP as space, whitespace collapsed; scripts, styles, figures, captions, share widgets and
   * {@code Read more} links dropped. Text without markup comes back normalised.
   */
  public static String toPlainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return toPlainText(Jsoup.parseBodyFragment(html).body());
  }

  /** The text of {@code root} and what it holds, as {@link #toPlainText(String)} makes it; {@code root} itself is not changed. */
  public static String toPlainText(Element root) {
    Element copy = root.clone();
    copy.select(NOT_TEXT).remove();
    copy.getAllElements().stream()
        .filter(element -> element != copy && (SHARE_WIDGET.matcher(element.className()).find() || SHARE_WIDGET.matcher(element.id()).find()))
        .forEach(Element::remove);
    copy.select("a").stream().filter(link -> READ_MORE.matcher(link.text().strip()).matches()).forEach(Element::remove);

    StringBuilder text = new StringBuilder();
    copy.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
          // Line breaks inside HTML text are spaces; blocks and <br> make the breaks.
          text.append(textNode.getWholeText().replace('\n', ' ').replace('\r', ' '));
        } else if (node instanceof Element element && (element.isBlock() || LINE_BREAKS.contains(element.normalName()))) {
          text.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          text.append('\n');
        }
      }
    });

    List<String> paragraphs = new ArrayList<>();
    for (String line : TextNormalizer.lines(text.toString())) {
      String paragraph = TRUNCATION_MARK.matcher(line).replaceFirst("");
      if (!paragraph.isEmpty() && !POST_FOOTER.matcher(paragraph).matches() && !READ_MORE.matcher(paragraph).matches()) {
        paragraphs.add(paragraph);
      }
    }
    return TextNormalizer.joinParagraphs(paragraphs);
  }
}
