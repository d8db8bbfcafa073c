package io.newsmonitor.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlTextTests {

  static Stream<Arguments> feedItems() {
    return Stream.of(
        arguments("paragraphs", "<p>First  paragraph.</p>\n<p>Second\nparagraph.</p>", "First paragraph.\n\nSecond paragraph."),
        arguments("entities", "<p>Fish &amp; chips &mdash; &quot;caf&eacute;&quot; &#8220;ok&#8221; &nbsp;x&#160;y</p>", "Fish & chips — \"café\" “ok” x y"),
        arguments("decomposed accents become NFC", "<p>Cafe\u0301</p>", "Caf\u00E9"),
        arguments("br as paragraph break", "Line one<br>Line two<br/><br/>Line three", "Line one\n\nLine two\n\nLine three"),
        arguments("inline markup joins", "<p>The <b>big</b> <a href=\"/x\">story</a>, <em>now</em>.</p>", "The big story, now."),
        arguments("headings and lists", "<h2>Heading</h2><ul><li>One</li><li>Two</li></ul>", "Heading\n\nOne\n\nTwo"),
        arguments("scripts and styles", "<p>Text</p><script>var x = 1;</script><style>p { color: red }</style><noscript>Enable JS</noscript>", "Text"),
        arguments("figure and caption", "<p>Before.</p><figure><img src=\"a.jpg\" alt=\"Alt\"><figcaption>Kishida in Tokyo. REUTERS/Kim</figcaption></figure>"
            + "<p>After.</p>", "Before.\n\nAfter."),
        arguments("share widget", "<p>Story.</p><div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">Twitter</a></div>", "Story."),
        arguments("read more link", "<p>The lead of the story. <a href=\"https://example.org/a\">Read more</a></p>", "The lead of the story."),
        arguments("continue reading link", "<p>Lead.</p><p><a href=\"/a\">Continue reading →</a></p>", "Lead."),
        arguments("WordPress excerpt and footer", "<p>The lead goes on [&hellip;]</p><p>The post Japan joins AUKUS appeared first on Example News.</p>",
            "The lead goes on"),
        arguments("plain text with entities", "AT&amp;T said &lt;no&gt;", "AT&T said <no>"),
        arguments("nothing", "  ", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feedItems")
  void feedItemHtmlBecomesPlainParagraphs(String name, String html, String text) {
    assertThat(HtmlText.toPlainText(html)).isEqualTo(text);
  }

  @Test
  void nullIsEmpty() {
    assertThat(HtmlText.toPlainText((String) null)).isEmpty();
  }

  @Test
  void anElementIsReadWithoutBeingChanged() {
    Element body = Jsoup.parseBodyFragment("<div><p>Kept.</p><script>x()</script></div>").body();

    assertThat(HtmlText.toPlainText(body)).isEqualTo("Kept.");
    assertThat(body.select("script")).hasSize(1);
  }
}
