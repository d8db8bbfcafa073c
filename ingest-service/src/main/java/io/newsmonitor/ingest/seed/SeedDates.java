package io.newsmonitor.ingest.seed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date formats met in seed files: a header line such as {@code 08/04/2024 21h56}, or a date in the lead. */
final class SeedDates {

  // Day first, as European sites write it: 08/04/2024 is 8 April. The time is 21h56 or 21:56, and optional.
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})(?:,?\\s+(\\d{1,2})[h:](\\d{2}))?");
  private static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December)";
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
  private static final Pattern DAY_MONTH_NAME_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+" + MONTHS + ",?\\s+(\\d{4})\\b");
  private static final List<String> MONTH_NAMES = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");

  private SeedDates() {
  }

  /** The date of a header line that is nothing but a date (and maybe a time); UTC when it gives no offset. */
  static Optional<OffsetDateTime> parseHeaderLine(String line) {
    Matcher dmy = DAY_MONTH_YEAR.matcher(line);
    if (dmy.matches()) {
      return at(() -> LocalDate.of(num(dmy.group(3)), num(dmy.group(2)), num(dmy.group(1)))
          .atTime(dmy.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(num(dmy.group(4)), num(dmy.group(5)))));
    }
    Optional<OffsetDateTime> iso = parseIso(line);
    if (iso.isPresent()) {
      return iso;
    }
    Matcher named = MONTH_DAY_YEAR.matcher(line);
    if (named.matches()) {
      return at(() -> LocalDate.of(num(named.group(3)), month(named.group(1)), num(named.group(2))).atStartOfDay());
    }
    Matcher dayFirst = DAY_MONTH_NAME_YEAR.matcher(line);
    if (dayFirst.matches()) {
      return at(() -> LocalDate.of(num(dayFirst.group(3)), month(dayFirst.group(2)), num(dayFirst.group(1))).atStartOfDay());
    }
    return Optional.empty();
  }

  /** The first written-out date ({@code October 19, 2024} or {@code 19 October 2024}) in a paragraph, at midnight UTC. */
  static Optional<OffsetDateTime> findInText(String paragraph) {
    Matcher named = MONTH_DAY_YEAR.matcher(paragraph);
    Matcher dayFirst = DAY_MONTH_NAME_YEAR.matcher(paragraph);
    boolean foundNamed = named.find();
    boolean foundDayFirst = dayFirst.find();
    if (foundNamed && (!foundDayFirst || named.start() <= dayFirst.start())) {
      return at(() -> LocalDate.of(num(named.group(3)), month(named.group(1)), num(named.group(2))).atStartOfDay());
    }
    if (foundDayFirst) {
      return at(() -> LocalDate.of(num(dayFirst.group(3)), month(dayFirst.group(2)), num(dayFirst.group(1))).atStartOfDay());
    }
    return Optional.empty();
  }

  private static Optional<OffsetDateTime> parseIso(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException notWithOffset) {
      // try the forms without an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(text).atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // try a plain date
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  /** The date and time at UTC, or empty when the numbers make no date (31/02, month 13). */
  private static Optional<OffsetDateTime> at(Supplier<LocalDateTime> dateTime) {
    try {
      return Optional.of(dateTime.get().atOffset(ZoneOffset.UTC));
    } catch (DateTimeException impossible) {
      return Optional.empty();
    }
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

  private static int month(String name) {
    return MONTH_NAMES.indexOf(name.toLowerCase(Locale.ROOT)) + 1;
  }
}
