package io.newsmonitor.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-pass {@link TextNormalizer#normalizeLine} means exactly what the regular expressions it replaced said. */
class TextNormalizerPropertyTests {

  // The specification: invisible and control characters removed, then every run of white space one space, then trimmed.
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF]|[\\p{Cc}&&[^\\s]]");

  private static String specification(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
  }

  @Property(tries = 2000)
  void normalizesALineAsTheRegularExpressionsDid(@ForAll("awkwardText") String text) {
    assertThat(TextNormalizer.normalizeLine(text)).isEqualTo(specification(text));
  }

  /** Letters, combining marks, every kind of space and line break, invisible and control characters, a surrogate pair. */
  @Provide
  Arbitrary<String> awkwardText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of("a", "Z", "é", "e\u0301", "\u0301", "日本", "😀", "1", ".", "-"),
        Arbitraries.of(" ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "\u2007", "\u202F", "\u2028", "\u2029", "\u3000", "\u1680"),
        Arbitraries.of("\u200B", "\uFEFF", "\u0000", "\u0001", "\u001C", "\u001F", "\u007F", "\u0085", "\u200D", "\u00AD"),
        Arbitraries.chars().all().map(String::valueOf));
    return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
  }
}
