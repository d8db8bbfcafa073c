package io.newsmonitor.alert.digest;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.alert.subscription.SubscriptionMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The span of time one digest covers, {@code [start, end)}: an hour or a day of the digest zone. An instant exactly at a
 * boundary belongs to the period it starts. A pure value, without clock or database, so that the boundaries are tested on
 * their own.
 */
public record DigestPeriod(Instant start, Instant end) {

  public DigestPeriod {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("a period ends after it starts: " + start + " .. " + end);
    }
  }

  /**
   * The period of {@code mode} that holds {@code instant}.
   *
   * @param zone whose hours and days the periods follow; a day of a zone that changes its clocks lasts 23 or 25 hours,
   *     an hour always lasts 60 minutes
   * @throws IllegalArgumentException for {@link SubscriptionMode#IMMEDIATE}, which has no periods
   */
  public static DigestPeriod of(SubscriptionMode mode, Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return switch (mode) {
      case HOURLY -> {
        // Truncating the local time keeps its offset, so the repeated hour of a change back to winter time stays two hours.
        Instant start = local.truncatedTo(ChronoUnit.HOURS).toInstant();
        yield new DigestPeriod(start, start.plus(1, ChronoUnit.HOURS));
      }
      case DAILY -> {
        LocalDate day = local.toLocalDate();
        yield new DigestPeriod(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
      }
      case IMMEDIATE -> throw new IllegalArgumentException("an IMMEDIATE subscription has no digest periods");
    };
  }

  /** Whether the period is over at {@code instant}: its end is not after it. */
  public boolean isClosedAt(Instant instant) {
    return !end.isAfter(instant);
  }
}
