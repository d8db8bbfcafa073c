package io.newsmonitor.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.TextField;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the e-mail templates are given: a one-line subject, and snippets cut at their highlight. */
class AlertEmailTests {

  private static AlertRaised alert(String title, List<AlertRaised.Reason> reasons) {
    return new AlertRaised("a-1", "s-1", "Japan and AUKUS", "Japan", new AlertRaised.Article("art-1", 1, "https://example.org/a", title,
        null, OffsetDateTime.parse("2024-04-08T21:56:00+02:00")), "story-1", Instant.parse("2024-04-08T20:00:00Z"), reasons);
  }

  @Test
  void aTitleWithLineBreaksMakesAOneLineSubject() {
    AlertEmail email = AlertEmail.of(alert("Japan\r\nBcc: someone@example.org\n  and AUKUS", List.of()));

    assertThat(email.subject()).isEqualTo("[News monitor] Japan and AUKUS: Japan Bcc: someone@example.org and AUKUS");
    assertThat(email.source()).isEqualTo("unknown source");
    assertThat(email.published()).isEqualTo("2024-04-08 21:56 +02:00");
  }

  @Test
  void aSnippetIsCutAtItsHighlight() {
    AlertRaised.Snippet snippet = new AlertRaised.Snippet(TextField.BODY, "that Japan may soon join", 5, 10);
    AlertEmail email = AlertEmail.of(alert("t", List.of(new AlertRaised.Reason("Japan", "actor country:jp (Japan)", List.of(snippet)))));

    assertThat(email.reasons()).singleElement().satisfies(reason -> {
      assertThat(reason.term()).isEqualTo("Japan");
      assertThat(reason.snippets()).containsExactly(new AlertEmail.SnippetLine("body", "that ", "Japan", " may soon join"));
    });
  }

  @Test
  void highlightOffsetsOutsideTheTextAreClamped() {
    AlertRaised.Snippet snippet = new AlertRaised.Snippet(TextField.TITLE, "Japan", 3, 99);

    assertThat(AlertEmail.SnippetLine.of(snippet)).isEqualTo(new AlertEmail.SnippetLine("title", "Jap", "an", ""));
  }
}
