package io.newsmonitor.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTests {

  @Test
  void theFirstSentenceOfTheFirstParagraph() {
    assertThat(Titles.fromBody("Japan joins the talks. Others wait.\n\nSecond paragraph."))
        .isEqualTo("Japan joins the talks.");
  }

  @Test
  void initialsAndAbbreviationsDoNotEndASentence() {
    assertThat(Titles.fromBody("The U.S. President met Mr. Kishida in Washington D.C. on Wednesday. Then he left."))
        .isEqualTo("The U.S. President met Mr. Kishida in Washington D.C. on Wednesday.");
    assertThat(Titles.fromBody("Talks with the U.S. and Japan opened. More later."))
        .isEqualTo("Talks with the U.S. and Japan opened.");
  }

  @Test
  void aQuoteEndingTheSentenceStaysWhole() {
    assertThat(Titles.fromBody("“We will act,” he said. Then nothing happened.")).isEqualTo("“We will act,” he said.");
    assertThat(Titles.fromBody("He said: “It is over.” Then he left.")).isEqualTo("He said: “It is over.”");
  }

  @Test
  void aLongSentenceIsCutOnAWordBoundary() {
    String sentence = "word ".repeat(60).strip() + ".";

    String title = Titles.fromBody(sentence);

    assertThat(title).hasSizeLessThanOrEqualTo(Titles.MAX_LENGTH).endsWith("word…").doesNotContain(" …");
    assertThat(sentence).startsWith(title.substring(0, title.length() - 1));
  }

  @Test
  void oneEndlessWordIsCutAnyway() {
    assertThat(Titles.fromBody("x".repeat(500))).hasSize(Titles.MAX_LENGTH).endsWith("…");
  }
}
