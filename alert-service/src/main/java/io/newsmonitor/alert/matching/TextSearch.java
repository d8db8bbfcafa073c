package io.newsmonitor.alert.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a phrase in text as whole words, in any case: {@code pillar ii} finds {@code Pillar  II} (any white space between
 * the words) but not {@code Pillar III}; {@code Japan} finds {@code Japan's} but not {@code Japanese}. Straight and curly
 * apostrophes are the same.
 */
final class TextSearch {

  private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";

  private final Pattern pattern;

  TextSearch(String phrase) {
    String[] words = phrase.strip().split("[\\s\\u00A0]+");
    StringBuilder regex = new StringBuilder("(?<!" + WORD_CHAR + ")");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        regex.append("[\\s\\u00A0]+");
      }
      regex.append(quote(words[i]));
    }
    regex.append("(?!" + WORD_CHAR + ")");
    pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The spans {@code [start, end)} where the phrase occurs in {@code text}, in text order, at most {@code limit}. */
  List<Span> find(String text, int limit) {
    List<Span> spans = new ArrayList<>();
    if (text == null) {
      return spans;
    }
    Matcher matcher = pattern.matcher(text);
    while (spans.size() < limit && matcher.find()) {
      spans.add(new Span(matcher.start(), matcher.end()));
    }
    return spans;
  }

  private static String quote(String word) {
    StringBuilder out = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' || c == '\u2019') {
        if (!literal.isEmpty()) {
          out.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        out.append("['\u2019]");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      out.append(Pattern.quote(literal.toString()));
    }
    return out.toString();
  }

  /** A match: {@code [start, end)} are UTF-16 offsets. */
  record Span(int start, int end) {
  }
}
