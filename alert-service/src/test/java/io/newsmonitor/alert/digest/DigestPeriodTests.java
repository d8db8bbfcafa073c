package io.newsmonitor.alert.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.alert.subscription.SubscriptionMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which period an instant falls in, and when a period is over: at the boundaries, in UTC and in zones that are not. */
class DigestPeriodTests {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void anHourlyPeriodIsTheUtcHourOfTheInstant() {
    assertThat(DigestPeriod.of(SubscriptionMode.HOURLY, Instant.parse("2026-11-29T10:37:12.345Z"), UTC))
        .isEqualTo(new DigestPeriod(Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T11:00:00Z")));
  }

  @Test
  void anInstantExactlyAtTheBoundaryStartsTheNextPeriod() {
    Instant boundary = Instant.parse("2026-11-29T11:00:00Z");

    assertThat(DigestPeriod.of(SubscriptionMode.HOURLY, boundary, UTC).start()).isEqualTo(boundary);
    assertThat(DigestPeriod.of(SubscriptionMode.HOURLY, boundary.minusNanos(1000), UTC).end()).isEqualTo(boundary);
    assertThat(DigestPeriod.of(SubscriptionMode.DAILY, Instant.parse("2026-11-30T00:00:00Z"), UTC))
        .isEqualTo(new DigestPeriod(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
    assertThat(DigestPeriod.of(SubscriptionMode.DAILY, Instant.parse("2026-11-29T23:59:59.999999Z"), UTC))
        .isEqualTo(new DigestPeriod(Instant.parse("2026-11-29T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z")));
  }

  @Test
  void aPeriodIsClosedFromItsEndOn() {
    DigestPeriod hour = DigestPeriod.of(SubscriptionMode.HOURLY, Instant.parse("2026-11-29T10:15:00Z"), UTC);

    assertThat(hour.isClosedAt(Instant.parse("2026-11-29T10:59:59.999999Z"))).isFalse();
    assertThat(hour.isClosedAt(Instant.parse("2026-11-29T11:00:00Z"))).isTrue();
    assertThat(hour.isClosedAt(Instant.parse("2026-11-30T11:00:00Z"))).isTrue();
  }

  @Test
  void utcDaysAndHoursKeepTheirLengthAcrossTheDatesOtherZonesChangeTheirClocks() {
    // The last Sunday of March and of October: Europe changes its clocks, UTC does not.
    for (String instant : new String[] {"2026-03-29T01:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"}) {
      assertThat(length(DigestPeriod.of(SubscriptionMode.HOURLY, Instant.parse(instant), UTC))).isEqualTo(Duration.ofHours(1));
      assertThat(length(DigestPeriod.of(SubscriptionMode.DAILY, Instant.parse(instant), UTC))).isEqualTo(Duration.ofDays(1));
    }
  }

  @Test
  void inAZoneThatChangesItsClocksADayLasts23Or25HoursAndAnHourAlways60Minutes() {
    DigestPeriod spring = DigestPeriod.of(SubscriptionMode.DAILY, Instant.parse("2026-03-29T12:00:00Z"), PARIS);
    assertThat(spring).isEqualTo(new DigestPeriod(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")));
    assertThat(length(spring)).isEqualTo(Duration.ofHours(23));
    assertThat(length(DigestPeriod.of(SubscriptionMode.DAILY, Instant.parse("2026-10-25T12:00:00Z"), PARIS))).isEqualTo(Duration.ofHours(25));

    // 02:00-03:00 happens twice in Paris that night: two periods, one per occurrence.
    DigestPeriod first = DigestPeriod.of(SubscriptionMode.HOURLY, Instant.parse("2026-10-25T00:30:00Z"), PARIS);
    DigestPeriod repeated = DigestPeriod.of(SubscriptionMode.HOURLY, Instant.parse("2026-10-25T01:30:00Z"), PARIS);
    assertThat(first).isEqualTo(new DigestPeriod(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z")));
    assertThat(repeated).isEqualTo(new DigestPeriod(Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T02:00:00Z")));
  }

  @Test
  void hoursFollowAZoneWhoseOffsetIsNotWholeHours() {
    assertThat(DigestPeriod.of(SubscriptionMode.HOURLY, Instant.parse("2026-11-29T10:15:00Z"), ZoneId.of("Asia/Kolkata")))
        .isEqualTo(new DigestPeriod(Instant.parse("2026-11-29T09:30:00Z"), Instant.parse("2026-11-29T10:30:00Z")));
  }

  @Test
  void anImmediateSubscriptionHasNoPeriods() {
    assertThatThrownBy(() -> DigestPeriod.of(SubscriptionMode.IMMEDIATE, Instant.parse("2026-11-29T10:00:00Z"), UTC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DigestPeriod(Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T10:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Duration length(DigestPeriod period) {
    return Duration.between(period.start(), period.end());
  }
}
