package io.newsmonitor.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

  @Test
  void aLineIsNfcWithSingleSpacesAndNoInvisibleOrControlCharacters() {
    assertThat(TextNormalizer.normalizeLine("  Cafe\u0301\u00A0\u202Fau\u200Blait\u0001 \t now \uFEFF"))
        .isEqualTo("Caf\u00E9 aulait now");
    assertThat(TextNormalizer.normalizeLine(null)).isEmpty();
  }

  @Test
  void aBodyKeepsOneBlankLineBetweenParagraphs() {
    assertThat(TextNormalizer.normalizeBody("\n\n First  para.\r\nSecond para.\r\n\r\n\r\n\u00A0\nThird.\n\n"))
        .isEqualTo("First para.\n\nSecond para.\n\nThird.");
    assertThat(TextNormalizer.normalizeBody(" \u00A0\n\t")).isEmpty();
  }
}
