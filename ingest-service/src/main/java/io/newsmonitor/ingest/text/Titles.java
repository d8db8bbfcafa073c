package io.newsmonitor.ingest.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Derives a title from the story when the source gave none: its first sentence, shortened on a word boundary. */
public final class Titles {

  /** Longest derived title, in characters, the ellipsis included. */
  public static final int MAX_LENGTH = 140;

  // A full stop, question or exclamation mark, maybe closing quotes or brackets, then a space or the end.
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"”’»)\\]]*(?=\\s|$)");
  // "U.S." or "J." before the stop: initials, not the end of a sentence.
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{L}\\.)*\\p{L}");
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "no",
      "vs", "etc", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec");

  private Titles() {
  }

  /**
   * A title for a story without one: the first sentence of its first paragraph, at most {@link #MAX_LENGTH} characters,
   * cut on a word boundary and ended with an ellipsis when longer.
   *
   * @param body the normalised body, not blank
   */
  public static String fromBody(String body) {
    String paragraph = body.strip();
    int lineEnd = paragraph.indexOf('\n');
    if (lineEnd >= 0) {
      paragraph = paragraph.substring(0, lineEnd).strip();
    }
    return shorten(firstSentence(paragraph));
  }

  static String firstSentence(String paragraph) {
    Matcher end = SENTENCE_END.matcher(paragraph);
    while (end.find()) {
      if (isSentenceEnd(paragraph, end.start(), end.end())) {
        return paragraph.substring(0, end.end()).strip();
      }
    }
    return paragraph;
  }

  private static boolean isSentenceEnd(String text, int stop, int after) {
    int wordStart = stop;
    while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    String word = text.substring(wordStart, stop).replaceAll("^[\"“‘«(\\[]+", "");
    if (text.charAt(stop) == '.' && (INITIALS.matcher(word).matches() || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    // "... said the U.S. official" has no capital after the stop: the sentence goes on.
    int next = after;
    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    return next >= text.length() || !Character.isLowerCase(text.charAt(next));
  }

  static String shorten(String sentence) {
    if (sentence.length() <= MAX_LENGTH) {
      return sentence;
    }
    String cut = sentence.substring(0, MAX_LENGTH - 1);
    int space = cut.lastIndexOf(' ');
    if (space > MAX_LENGTH / 3) {
      cut = cut.substring(0, space);
    }
    return cut.replaceAll("[\\s,;:–—-]+$", "") + "…";
  }
}
