package io.newsmonitor.alert.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a phrase in text as whole words, in any case: {@code pillar ii} finds {@code Pillar  II} (any white space between
 * the words) but not {@code Pillar III}; {@code Japan} finds {@code Japan's} but not {@code Japanese}. Straight and curly
 * apostrophes are the same. Also finds word prefixes ({@link #prefix}) and words near each other ({@link #near}).
 */
final class TextSearch {

  private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
  private static final String NOT_AFTER_WORD = "(?<!" + WORD_CHAR + ")";
  private static final Pattern WORD = Pattern.compile(WORD_CHAR + "+");
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private final Pattern pattern;

  private TextSearch(Pattern pattern) {
    this.pattern = pattern;
  }

  /** The words of {@code phrase}, in order, with any white space between them. */
  static TextSearch phrase(String phrase) {
    String[] words = phrase.strip().split("[\\s\\u00A0]+");
    StringBuilder regex = new StringBuilder(NOT_AFTER_WORD);
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        regex.append("[\\s\\u00A0]+");
      }
      regex.append(quote(words[i]));
    }
    regex.append("(?!" + WORD_CHAR + ")");
    return new TextSearch(Pattern.compile(regex.toString(), FLAGS));
  }

  /** Whole words that start with {@code stem}: {@code hyperson} finds {@code Hypersonic} but not {@code nonhypersonic}. */
  static TextSearch prefix(String stem) {
    return new TextSearch(Pattern.compile(NOT_AFTER_WORD + quote(stem.strip()) + WORD_CHAR + "*", FLAGS));
  }

  /**
   * Where all of {@code words} occur within {@code distance} word positions (last minus first) of each other, in any order
   * and case: each span runs from the first to the last of them, spans do not overlap, at most {@code limit}.
   */
  static List<Span> near(List<String> words, int distance, String text, int limit) {
    if (text == null) {
      return new ArrayList<>();
    }
    List<Word> split = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      split.add(new Word(fold(word.group()), split.size(), word.start(), word.end()));
    }
    return near(words, distance, split, limit);
  }

  /** {@link #near(List, int, String, int)} over the words of a text already split; words that are not wanted may be left out. */
  static List<Span> near(List<String> words, int distance, List<Word> text, int limit) {
    List<Span> spans = new ArrayList<>();
    List<String> wanted = words.stream().flatMap(word -> WORD.matcher(word).results().map(MatchResult::group))
        .map(TextSearch::fold).distinct().toList();
    if (wanted.isEmpty()) {
      return spans;
    }
    // Last position (word index and offsets) at which each wanted word was seen; the best window ending at a word uses them.
    int[] lastIndex = new int[wanted.size()];
    int[] lastStart = new int[wanted.size()];
    Arrays.fill(lastIndex, -1);
    for (int next = 0; spans.size() < limit && next < text.size(); next++) {
      Word word = text.get(next);
      int index = word.index();
      int which = wanted.indexOf(word.lowered());
      if (which < 0) {
        continue;
      }
      lastIndex[which] = index;
      lastStart[which] = word.start();
      int first = 0;
      for (int w = 1; w < wanted.size(); w++) {
        if (lastIndex[w] < lastIndex[first]) {
          first = w;
        }
      }
      if (lastIndex[first] >= 0 && index - lastIndex[first] <= distance) {
        spans.add(new Span(lastStart[first], word.end()));
        Arrays.fill(lastIndex, -1);
      }
    }
    return spans;
  }

  /** A word of a text as {@link #near} compares it: lower-cased, with its position among the text's words and its offsets. */
  record Word(String lowered, int index, int start, int end) {
  }

  private static String fold(String word) {
    return word.toLowerCase(Locale.ROOT);
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
