package io.newsmonitor.alert.preview;

import io.newsmonitor.alert.matching.Words;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The words of a text as the prefilter indexes and queries them: the matcher's own words ({@link Words}), folded as it
 * folds them for phrases and cut to {@link #MAX_LENGTH}. So whenever the matcher finds a phrase in a text, every word of
 * the phrase is among the text's tokens.
 */
final class Tokens {

  /** Longer words are indexed and queried by their first {@value} characters: PostgreSQL refuses lexemes over 2 KB. */
  static final int MAX_LENGTH = 200;

  /** A tsvector holds at most 1 MB; an article with more distinct words than this is kept without tokens. */
  static final int MAX_TOTAL_BYTES = 512 * 1024;


  private Tokens() {
  }

  /** The distinct tokens of an article's title and body, sorted; empty when they would not fit one tsvector. */
  static Optional<String[]> ofArticle(String title, String body) {
    TreeSet<String> tokens = new TreeSet<>();
    tokens.addAll(of(title));
    tokens.addAll(of(body));
    long bytes = 0;
    for (String token : tokens) {
      // Each lexeme costs its bytes and a 4-byte entry.
      bytes += token.getBytes(StandardCharsets.UTF_8).length + 4;
    }
    return bytes > MAX_TOTAL_BYTES ? Optional.empty() : Optional.of(tokens.toArray(String[]::new));
  }

  /** The tokens of {@code text} in order, repeats included. */
  static List<String> of(String text) {
    List<String> tokens = new ArrayList<>();
    Words.forEach(text, word -> tokens.add(fold(word)));
    return tokens;
  }

  /** {@code word} folded as {@code Pattern.CASE_INSENSITIVE | UNICODE_CASE} compares characters, cut to {@link #MAX_LENGTH}. */
  static String fold(String word) {
    // Folding maps each code point to one code point, so cutting after it cuts the same word.
    String folded = Words.fold(word);
    return folded.codePointCount(0, folded.length()) <= MAX_LENGTH ? folded : folded.substring(0, folded.offsetByCodePoints(0, MAX_LENGTH));
  }

  /** Whether {@code text} ends with a word character: its last token may be the start of a longer one. */
  static boolean endsInWord(String text) {
    return !text.isEmpty() && Words.isWordChar(text.codePointBefore(text.length()));
  }
}
