package io.newsmonitor.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.enrich.tagging.Seeds;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The words shingles are made of: the one-pass split says exactly what the regular expressions it replaced said. */
class ShinglesTests {

  /** The definition the stored fingerprints were computed with: drop the marks of the decomposed text, split on the rest. */
  private static List<String> wordsAsDefined(String text) {
    String folded = Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    return Arrays.stream(Pattern.compile("[^\\p{L}\\p{N}]+").split(folded)).filter(word -> !word.isEmpty()).toList();
  }

  static Stream<String> texts() {
    return Stream.concat(
        Stream.of("000", "001", "002", "003", "004").map(Seeds::seed).map(seed -> seed.title() + "\n" + seed.body()),
        Stream.of("", "   ", "—", "Café crème, naïve Zoë’s “AUKUS” pillar‑II", "ΟΔΟΣ ΟΔΟΣ'Α Σ σ", "İstanbul ŞIŞLI ß ﬁnance ½ ² Ⅻ",
            "東京と北京 2024年", "emoji 🙂 between 𝐁𝐨𝐥𝐝 words", "e\u0301 a\u20DD b\u0903c", "tab\tnew\nline\r\nend", "x1y2 3.5% 10,000"));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void wordsAreTheRunsOfLettersAndDigitsLowerCaseWithoutAccents(String text) {
    assertThat(Shingles.words(text)).isEqualTo(wordsAsDefined(text));
  }
}
