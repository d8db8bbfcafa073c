package io.newsmonitor.ingest.seed;

import io.newsmonitor.ingest.text.TextNormalizer;
import io.newsmonitor.ingest.text.Titles;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the seed text format: a title line when present, then a header (image URL, source, section, date), then the
 * story, often followed by site furniture and a reader comment thread. Pure: no clock, no I/O.
 *
 * <p>The rules, in order: cut everything from a {@code 25 Comments} line on; a first line ending in {@code |} names
 * the source; the first line is a title only when a blank line follows it; a short block of lines after it that holds
 * an image URL or a date is the header (source, section, date); in the story, drop bare image URLs, captions and site
 * furniture, cut at trailers such as {@code You may also like...}, and strip a copyright glued to the last sentence.
 */
public final class SeedParser {

  /** Longest line taken for a title; a longer first line is a paragraph of the story. */
  static final int MAX_TITLE_LINE = 200;
  private static final int MAX_HEADER_LINES = 6;
  private static final int MAX_HEADER_LINE = 100;

  private static final Pattern COMMENT_THREAD = Pattern.compile("(\\d+)\\s+Comments?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SOURCE_LINE = Pattern.compile("(\\S.{0,79}?)\\s*\\|");
  private static final Pattern URL_LINE = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final Pattern IMAGE_URL = Pattern.compile(
      "https?://\\S*(?:\\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]\\S*)?|/(?:images?|photos?|img|media|uploads)/\\S*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CAPTION = Pattern.compile(
      "(?:Image|Photo|Picture)\\s+(?:source|credit)s?\\s*:.*|(?:Photo|Image|Picture)\\s*:.*", Pattern.CASE_INSENSITIVE);
  /** Lines of site furniture, dropped wherever they stand. */
  private static final List<Pattern> FURNITURE = compile(
      "News Tools",
      "Advertisement",
      "Subscribe to .{0,100}",
      "\\* indicates required",
      "The views (?:and opinions )?expressed .*(?:do not|does not|don't|are (?:solely )?those of) .*",
      "Share (?:this|on) .{0,60}",
      "(?:Copyright\\s*)?(?:©|\\(c\\)).{0,100}");
  /** Trailers: everything from such a line on is navigation or comments, not the story. */
  private static final List<Pattern> TRAILERS = compile(
      "Related(?: (?:articles|stories|news|posts))?:?",
      "Most (?:Commented|Read|Popular|Viewed)",
      "You may also like.*",
      "Read (?:more|also|next):?",
      "(?:Facebook )?Comments");
  // "… on Thursday.© Thomson Reuters 2024." — the copyright notice glued to the last sentence.
  private static final Pattern GLUED_COPYRIGHT = Pattern.compile("\\s*(?:Copyright\\s*)?(?:©|\\(c\\))\\s*[^.©]{0,80}?\\d{4}\\.?\\s*$",
      Pattern.CASE_INSENSITIVE);

  /**
   * Parses one seed file.
   *
   * @throws SeedFormatException when there is no story left once the header and the furniture are gone
   */
  public ParsedSeed parse(String text) {
    List<String> lines = TextNormalizer.lines(text);
    OptionalInt commentCount = OptionalInt.empty();
    for (int i = 0; i < lines.size(); i++) {
      Matcher thread = COMMENT_THREAD.matcher(lines.get(i));
      if (thread.matches()) {
        commentCount = OptionalInt.of(Integer.parseInt(thread.group(1)));
        lines = lines.subList(0, i);
        break;
      }
    }

    int at = skipBlank(lines, 0);
    String source = null;
    Matcher sourceLine = at < lines.size() ? SOURCE_LINE.matcher(lines.get(at)) : null;
    if (sourceLine != null && sourceLine.matches()) {
      source = sourceLine.group(1);
      at++;
    }

    String title = null;
    if (at + 1 < lines.size() && isTitle(lines.get(at)) && lines.get(at + 1).isEmpty()) {
      title = lines.get(at);
      at += 2;
    }

    String section = null;
    OffsetDateTime published = null;
    at = skipBlank(lines, at);
    int headerEnd = blockEnd(lines, at);
    if (isHeader(lines.subList(at, headerEnd))) {
      List<String> names = new ArrayList<>();
      for (String line : lines.subList(at, headerEnd)) {
        Optional<OffsetDateTime> date = SeedDates.parseHeaderLine(line);
        if (date.isPresent() && published == null) {
          published = date.get();
        } else if (!URL_LINE.matcher(line).matches()) {
          names.add(line);
        }
      }
      if (source == null && !names.isEmpty()) {
        source = names.get(0);
      }
      if (names.size() > 1) {
        section = names.get(1);
      }
      at = headerEnd;
    }

    List<String> story = story(lines.subList(at, lines.size()));
    if (story.isEmpty()) {
      throw new SeedFormatException("no story text found");
    }
    if (published == null) {
      published = SeedDates.findInText(story.get(0)).orElse(null);
    }
    String body = TextNormalizer.joinParagraphs(story);
    return new ParsedSeed(title == null ? Titles.fromBody(body) : title, title == null, Optional.ofNullable(source),
        Optional.ofNullable(section), Optional.ofNullable(published), body, commentCount);
  }

  /** The paragraphs of the story: furniture, captions and bare image URLs dropped, trailers cut. */
  private static List<String> story(List<String> lines) {
    List<String> story = new ArrayList<>();
    for (String line : lines) {
      if (matchesAny(TRAILERS, line)) {
        break;
      }
      if (line.isEmpty() || IMAGE_URL.matcher(line).matches() || CAPTION.matcher(line).matches() || matchesAny(FURNITURE, line)) {
        continue;
      }
      String paragraph = GLUED_COPYRIGHT.matcher(line).replaceFirst("").strip();
      if (!paragraph.isEmpty()) {
        story.add(paragraph);
      }
    }
    return story;
  }

  private static boolean isTitle(String line) {
    return !line.isEmpty() && line.length() <= MAX_TITLE_LINE && !URL_LINE.matcher(line).matches()
        && !CAPTION.matcher(line).matches() && !matchesAny(FURNITURE, line) && !matchesAny(TRAILERS, line);
  }

  /** A header is a short block of short lines (URLs aside) holding a URL or a date: {@code image URL, source, section, date}. */
  private static boolean isHeader(List<String> block) {
    if (block.isEmpty() || block.size() > MAX_HEADER_LINES
        || block.stream().anyMatch(line -> line.length() > MAX_HEADER_LINE && !URL_LINE.matcher(line).matches())) {
      return false;
    }
    return block.stream().anyMatch(line -> URL_LINE.matcher(line).matches() || SeedDates.parseHeaderLine(line).isPresent());
  }

  private static int skipBlank(List<String> lines, int from) {
    int at = from;
    while (at < lines.size() && lines.get(at).isEmpty()) {
      at++;
    }
    return at;
  }

  private static int blockEnd(List<String> lines, int from) {
    int at = from;
    while (at < lines.size() && !lines.get(at).isEmpty()) {
      at++;
    }
    return at;
  }

  private static boolean matchesAny(List<Pattern> patterns, String line) {
    return patterns.stream().anyMatch(pattern -> pattern.matcher(line).matches());
  }

  private static List<Pattern> compile(String... regexes) {
    return java.util.Arrays.stream(regexes).map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE)).toList();
  }
}
