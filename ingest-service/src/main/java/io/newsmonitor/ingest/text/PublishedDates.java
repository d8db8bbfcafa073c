package io.newsmonitor.ingest.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publication dates as written in feeds, page metadata and article text, read into an {@link OffsetDateTime}. */
public final class PublishedDates {

  private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
      + "|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  // 21:56, 21:56:30, 21h56, 9:56 pm, 9.56pm.
  private static final String TIME = "(\\d{1,2})(?:[:h]|\\.(?=\\d{2}\\s*[ap]\\.?m))(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(?:\\s*([ap])\\.?m\\.?)?";
  // Z, +02:00, +0200, +02, GMT+2, UTC, or a named zone such as EST; a region id in brackets as java.time writes it.
  private static final String ZONE = "(Z|[+-]\\d{2}(?::?\\d{2})?|(?:GMT|UTC|UT)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?|(?-i:[A-Z]{2,5})\\b|\\[[\\w/+-]+])";
  private static final String OPT_TIME_ZONE = "(?:(?:,|\\s+at|\\s*[-–—])?\\s*" + TIME + ")?(?:\\s*" + ZONE + ")?";
  private static final String LABEL = "(?:(?:Published|Posted|Date|First published)(?:\\s+(?:on|at))?\\s*:?\\s*)";

  // Sat, 19 Oct 2024 14:03:00 GMT; 19 October 2024; 19 Oct 24 14:03 EST (RFC 822 two-digit year).
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4}|\\d{2})\\b" + OPT_TIME_ZONE,
      Pattern.CASE_INSENSITIVE);
  // October 19, 2024; Sat, Oct 19 2024 2:03 PM EST.
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b" + OPT_TIME_ZONE,
      Pattern.CASE_INSENSITIVE);
  // 2024-10-19T14:03:00.123+02:00, 2024-10-19 14:03, 2024-10-19; after an offset, java.time's [Europe/Paris] adds nothing.
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[T\\s]+(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?(?:\\s*" + ZONE + ")?(?:\\[[\\w/+-]+])?",
      Pattern.CASE_INSENSITIVE);
  // 08/04/2024 21h56: day first, as European sites write it, unless the second number cannot be a month (US order).
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})" + OPT_TIME_ZONE, Pattern.CASE_INSENSITIVE);
  private static final Pattern RELATIVE = Pattern.compile(
      "(?:(\\d+|an?|one)\\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago|(yesterday)|(today|just now))", Pattern.CASE_INSENSITIVE);
  private static final List<Pattern> ABSOLUTE = List.of(ISO, DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC);
  private static final Pattern LABELLED = Pattern.compile(LABEL, Pattern.CASE_INSENSITIVE);
  private static final Pattern LABELLED_RELATIVE = Pattern.compile("\\b" + LABEL + RELATIVE.pattern(), Pattern.CASE_INSENSITIVE);
  private static final Pattern GMT_OFFSET = Pattern.compile("(?:GMT|UTC|UT)\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?", Pattern.CASE_INSENSITIVE);

  // RFC 822 zones, and a few that feeds use although they are ambiguous elsewhere (IST is left out: India or Ireland).
  private static final Map<String, ZoneOffset> NAMED_ZONES = Map.ofEntries(
      Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
      Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("CST", ZoneOffset.ofHours(-6)),
      Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
      Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)), Map.entry("BST", ZoneOffset.ofHours(1)),
      Map.entry("WET", ZoneOffset.UTC), Map.entry("WEST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
      Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)),
      Map.entry("MSK", ZoneOffset.ofHours(3)), Map.entry("HKT", ZoneOffset.ofHours(8)), Map.entry("SGT", ZoneOffset.ofHours(8)),
      Map.entry("JST", ZoneOffset.ofHours(9)), Map.entry("KST", ZoneOffset.ofHours(9)), Map.entry("AEST", ZoneOffset.ofHours(10)),
      Map.entry("AEDT", ZoneOffset.ofHours(11)));

  private PublishedDates() {
  }

  /**
   * Parses a date as found in the wild: RFC 822/1123 (named zones such as EST and GMT, two-digit years), ISO 8601 with or without
   * zone, seconds or fraction, {@code 08/04/2024 21h56}, {@code October 19, 2024}, {@code 19 October 2024}, {@code 2024-10-19 14:03},
   * and {@code 2 hours ago}, {@code yesterday}, {@code 3 days ago}. A label such as {@code Published:} in front is allowed.
   *
   * @param fetchTime the moment the value was fetched, which relative dates count back from; null when unknown, and then they are not read
   * @param sourceZone the zone of a value that gives none, and of a relative date
   */
  public static Optional<OffsetDateTime> parse(String raw, Instant fetchTime, ZoneId sourceZone) {
    String value = TextNormalizer.normalizeLine(raw);
    Matcher label = LABELLED.matcher(value);
    if (label.lookingAt()) {
      value = value.substring(label.end());
    }
    for (Pattern format : ABSOLUTE) {
      Matcher matcher = format.matcher(value);
      if (matcher.matches()) {
        return read(format, matcher, sourceZone);
      }
    }
    Matcher relative = RELATIVE.matcher(value);
    return relative.matches() ? relative(relative, fetchTime, sourceZone) : Optional.empty();
  }

  /**
   * The first date written in {@code text}, such as the dateline {@code On October 19, 2024, ...} or the byline
   * {@code Published 08/04/2024 21h56}. A relative date counts only after a label ({@code Posted 2 hours ago}): elsewhere
   * it is the story's, not the article's. Pass the lead or the byline: a date further down is an event's.
   *
   * @see #parse(String, Instant, ZoneId)
   */
  public static Optional<OffsetDateTime> findInText(String text, Instant fetchTime, ZoneId sourceZone) {
    String value = TextNormalizer.normalizeLine(text);
    Optional<OffsetDateTime> first = Optional.empty();
    int firstStart = Integer.MAX_VALUE;
    for (Pattern format : ABSOLUTE) {
      Matcher matcher = format.matcher(value);
      while (matcher.find() && matcher.start() < firstStart) {
        // "on 3 May 20 people died": a two-digit year is only read where nothing but a date can stand.
        boolean shortYear = format == DAY_MONTH_YEAR && matcher.group(3).length() == 2;
        if (!shortYear && isWord(value, matcher.start(), matcher.end())) {
          Optional<OffsetDateTime> date = read(format, matcher, sourceZone);
          if (date.isPresent()) {
            first = date;
            firstStart = matcher.start();
            break;
          }
        }
      }
    }
    Matcher relative = LABELLED_RELATIVE.matcher(value);
    if (relative.find() && relative.start() < firstStart) {
      return relative(relative, fetchTime, sourceZone);
    }
    return first;
  }

  /** A match that is not part of a longer number or word (2024-10-193, 119 October 2024). */
  private static boolean isWord(String text, int start, int end) {
    return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
  }

  private static Optional<OffsetDateTime> read(Pattern format, Matcher m, ZoneId sourceZone) {
    try {
      if (format == ISO) {
        LocalDate date = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
            : LocalTime.of(num(m.group(4)), num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)), nanos(m.group(7)));
        return at(date.atTime(time), m.group(8), sourceZone);
      }
      if (format == DAY_MONTH_YEAR) {
        return at(LocalDate.of(year(m.group(3)), month(m.group(2)), num(m.group(1))), m, 4, sourceZone);
      }
      if (format == MONTH_DAY_YEAR) {
        return at(LocalDate.of(num(m.group(3)), month(m.group(1)), num(m.group(2))), m, 4, sourceZone);
      }
      int first = num(m.group(1));
      int second = num(m.group(2));
      boolean monthFirst = second > 12 && first <= 12;
      return at(LocalDate.of(num(m.group(3)), monthFirst ? first : second, monthFirst ? second : first), m, 4, sourceZone);
    } catch (DateTimeException impossible) {
      return Optional.empty();
    }
  }

  /** The date with the time and zone of the groups from {@code timeGroup} on ({@link #TIME}, then {@link #ZONE}). */
  private static Optional<OffsetDateTime> at(LocalDate date, Matcher m, int timeGroup, ZoneId sourceZone) {
    LocalTime time = LocalTime.MIDNIGHT;
    if (m.group(timeGroup) != null) {
      int hour = num(m.group(timeGroup));
      String halfDay = m.group(timeGroup + 4);
      if (halfDay != null) {
        if (hour < 1 || hour > 12) {
          return Optional.empty();
        }
        hour = hour % 12 + (halfDay.equalsIgnoreCase("p") ? 12 : 0);
      }
      String seconds = m.group(timeGroup + 2);
      time = LocalTime.of(hour, num(m.group(timeGroup + 1)), seconds == null ? 0 : num(seconds), nanos(m.group(timeGroup + 3)));
    }
    return at(date.atTime(time), m.group(timeGroup + 5), sourceZone);
  }

  private static Optional<OffsetDateTime> at(LocalDateTime dateTime, String zone, ZoneId sourceZone) {
    if (zone == null) {
      return Optional.of(dateTime.atZone(sourceZone).toOffsetDateTime());
    }
    if (zone.startsWith("[")) {
      return Optional.of(dateTime.atZone(ZoneId.of(zone.substring(1, zone.length() - 1))).toOffsetDateTime());
    }
    Matcher gmt = GMT_OFFSET.matcher(zone);
    if (gmt.matches()) {
      int sign = gmt.group(1).equals("-") ? -1 : 1;
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * num(gmt.group(2)), sign * (gmt.group(3) == null ? 0 : num(gmt.group(3))));
      return Optional.of(dateTime.atOffset(offset));
    }
    ZoneOffset named = NAMED_ZONES.get(zone.toUpperCase(Locale.ROOT));
    if (named != null) {
      return Optional.of(dateTime.atOffset(named));
    }
    if (zone.startsWith("+") || zone.startsWith("-")) {
      String digits = zone.replace(":", "");
      int sign = zone.startsWith("-") ? -1 : 1;
      int minutes = digits.length() > 3 ? num(digits.substring(3)) : 0;
      return Optional.of(dateTime.atOffset(ZoneOffset.ofHoursMinutes(sign * num(digits.substring(1, 3)), sign * minutes)));
    }
    // An unknown abbreviation: trusting it would shift the date by hours, so the source's zone is the better guess.
    return Optional.of(dateTime.atZone(sourceZone).toOffsetDateTime());
  }

  private static Optional<OffsetDateTime> relative(Matcher m, Instant fetchTime, ZoneId sourceZone) {
    if (fetchTime == null) {
      return Optional.empty();
    }
    OffsetDateTime now = fetchTime.atZone(sourceZone).toOffsetDateTime();
    if (m.group(3) != null) {
      return Optional.of(now.minusDays(1));
    }
    if (m.group(4) != null) {
      return Optional.of(now);
    }
    String count = m.group(1).toLowerCase(Locale.ROOT);
    long amount = count.startsWith("a") || count.equals("one") ? 1 : Long.parseLong(count);
    ChronoUnit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "second", "sec" -> ChronoUnit.SECONDS;
      case "minute", "min" -> ChronoUnit.MINUTES;
      case "hour", "hr" -> ChronoUnit.HOURS;
      case "day" -> ChronoUnit.DAYS;
      case "week" -> ChronoUnit.WEEKS;
      case "month" -> ChronoUnit.MONTHS;
      default -> ChronoUnit.YEARS;
    };
    return Optional.of(now.minus(amount, unit));
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

  private static int nanos(String fraction) {
    return fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
  }

  // RFC 822 years have two digits; those of this century are the ones news carries, the rest are from the last.
  private static int year(String digits) {
    int year = num(digits);
    return digits.length() == 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
  }

  private static int month(String name) {
    return switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      default -> 12;
    };
  }
}
