package io.newsmonitor.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

  @Test
  void foldsQuotesSpacesDashesAndRomanNumerals() {
    TextNormalizer.Normalized n = TextNormalizer.normalize("Japan’s\u00a0role  in “Pillar Ⅱ” –\u00adnow");
    assertThat(n.text()).isEqualTo("Japan's role in \"Pillar II\" -now");
    assertThat(n.folded()).isEqualTo("japan's role in \"pillar ii\" -now");
    assertThat(n.folded()).hasSameSizeAs(n.text());
  }

  @Test
  void mapsNormalisedOffsetsBackToTheOriginal() {
    String original = "A  “Pillar Ⅱ” deal";
    TextNormalizer.Normalized n = TextNormalizer.normalize(original);
    int start = n.text().indexOf("Pillar II");
    int end = start + "Pillar II".length();
    assertThat(original.substring(n.originalStart(start), n.originalEnd(end))).isEqualTo("Pillar Ⅱ");
    int a = n.text().indexOf("deal");
    assertThat(original.substring(n.originalStart(a), n.originalEnd(a + 4))).isEqualTo("deal");
  }

  @Test
  void keepsOffsetsRightAroundSurrogatePairs() {
    String original = "𝐀 Japan";
    TextNormalizer.Normalized n = TextNormalizer.normalize(original);
    int start = n.text().indexOf("Japan");
    assertThat(original.substring(n.originalStart(start), n.originalEnd(start + 5))).isEqualTo("Japan");
  }

  @Test
  void tellsWholeWords() {
    assertThat(TextNormalizer.isWholeWord("JAUKUS pact", 1, 6)).isFalse();
    assertThat(TextNormalizer.isWholeWord("the AUKUS pact", 4, 9)).isTrue();
    assertThat(TextNormalizer.isWholeWord("US-Japan", 0, 2)).isTrue();
    assertThat(TextNormalizer.isWholeWord("Japan's", 0, 5)).isTrue();
    assertThat(TextNormalizer.isWholeWord("Japanese", 0, 5)).isFalse();
    assertThat(TextNormalizer.isWholeWord("TaiwanIsNotChina", 0, 6)).isFalse();
    assertThat(TextNormalizer.isWholeWord("Pillar II", 0, 8)).isFalse();
  }

  @Test
  void theFoldedTextIsTheLowerCaseOfTheTextCharacterForCharacter() {
    String original = "ÉTATS-UNIS\u00a0et “Japon” – Ⅱ, İstanbul, ΣΟΦΙΑ, 𝐀BC and JAPAN’S\u200b role";
    TextNormalizer.Normalized n = TextNormalizer.normalize(original);
    assertThat(n.folded()).isEqualTo(TextNormalizer.fold(n.text())).hasSameSizeAs(n.text());
    assertThat(n.folded()).startsWith("états-unis et \"japon\" - ii, ").contains("japan's role");
  }

  @Test
  void normalisesTerms() {
    assertThat(TextNormalizer.normalizeTerm("  “Pillar Ⅱ”  ")).isEqualTo("Pillar II");
    assertThat(TextNormalizer.normalizeTerm("\"'Japan'\"")).isEqualTo("Japan");
    assertThat(TextNormalizer.normalizeTerm("United States'")).isEqualTo("United States'");
  }
}
