package io.newsmonitor.ingest.seed;

import io.newsmonitor.ingest.text.Boilerplate;
import io.newsmonitor.ingest.text.PublishedDates;
import io.newsmonitor.ingest.text.TextNormalizer;
import io.newsmonitor.ingest.text.Titles;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * <p>The rules, in order: a first line ending in {@code |} names the source; the first line is a title only when a blank
 * line follows it; a short block of lines after it that holds an image URL or a date is the header (source, section, date);
 * the rest is the story, which {@link Boilerplate} rids of captions, furniture, trailers and the reader comment thread.
 */
public final class SeedParser {

  /** Longest line taken for a title; a longer first line is a paragraph of the story. */
  static final int MAX_TITLE_LINE = 200;
  private static final int MAX_HEADER_LINES = 6;
  private static final int MAX_HEADER_LINE = 100;

  private static final Pattern SOURCE_LINE = Pattern.compile("(\\S.{0,79}?)\\s*\\|");
  private static final Pattern URL_LINE = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

  /**
   * Parses one seed file.
   *
   * @throws SeedFormatException when there is no story left once the header and the furniture are gone
   */
  public ParsedSeed parse(String text) {
    List<String> lines = TextNormalizer.lines(text);
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
        Optional<OffsetDateTime> date = headerDate(line);
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

    Boilerplate.Cleaned story = Boilerplate.clean(String.join("\n", lines.subList(at, lines.size())));
    if (story.body().isEmpty()) {
      throw new SeedFormatException("no story text found");
    }
    if (published == null) {
      String lead = story.body().lines().findFirst().orElse("");
      published = PublishedDates.findInText(lead, null, ZoneOffset.UTC).orElse(null);
    }
    return new ParsedSeed(title == null ? Titles.fromBody(story.body()) : title, title == null, Optional.ofNullable(source),
        Optional.ofNullable(section), Optional.ofNullable(published), story.body(),
        story.commentCount() > 0 ? OptionalInt.of(story.commentCount()) : OptionalInt.empty());
  }

  /** The date of a header line that is nothing but a date; UTC when it gives no zone, as seed files have no source to take one from. */
  private static Optional<OffsetDateTime> headerDate(String line) {
    return PublishedDates.parse(line, null, ZoneOffset.UTC);
  }

  /** A title is a short line that is neither a URL nor furniture that {@link Boilerplate} would drop or cut at. */
  private static boolean isTitle(String line) {
    return !line.isEmpty() && line.length() <= MAX_TITLE_LINE && !URL_LINE.matcher(line).matches() && Boilerplate.clean(line).body().equals(line);
  }

  /** A header is a short block of short lines (URLs aside) holding a URL or a date: {@code image URL, source, section, date}. */
  private static boolean isHeader(List<String> block) {
    if (block.isEmpty() || block.size() > MAX_HEADER_LINES
        || block.stream().anyMatch(line -> line.length() > MAX_HEADER_LINE && !URL_LINE.matcher(line).matches())) {
      return false;
    }
    return block.stream().anyMatch(line -> URL_LINE.matcher(line).matches() || headerDate(line).isPresent());
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
}
