package io.newsmonitor.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDatesTests {

  private static final Instant FETCHED = Instant.parse("2024-10-20T12:00:00Z");
  /** A source zone with an offset of its own (+09:00), so that values without a zone show that they took it. */
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  static Stream<Arguments> formats() {
    return Stream.of(
        // RFC 822 / 1123, as in RSS pubDate
        arguments("Sat, 19 Oct 2024 14:03:00 GMT", "2024-10-19T14:03Z"),
        arguments("Sat, 19 Oct 2024 14:03:00 +0200", "2024-10-19T14:03+02:00"),
        arguments("Sat, 19 Oct 2024 14:03:00 -0400", "2024-10-19T14:03-04:00"),
        arguments("Sat, 19 Oct 2024 14:03:00 EST", "2024-10-19T14:03-05:00"),
        arguments("Sat, 19 Oct 2024 14:03:00 PDT", "2024-10-19T14:03-07:00"),
        arguments("Sat, 19 Oct 2024 14:03:00 UT", "2024-10-19T14:03Z"),
        arguments("19 Oct 2024 14:03 CEST", "2024-10-19T14:03+02:00"),
        arguments("Sat, 19 Oct 24 14:03:00 GMT", "2024-10-19T14:03Z"),
        arguments("Saturday, 19 October 2024 14:03:05 GMT+2", "2024-10-19T14:03:05+02:00"),
        arguments("Sat, 19 Oct 2024 14:03:00", "2024-10-19T14:03+09:00"),
        // ISO 8601
        arguments("2024-10-19T14:03:00Z", "2024-10-19T14:03Z"),
        arguments("2024-10-19T14:03:00.123+02:00", "2024-10-19T14:03:00.123+02:00"),
        arguments("2024-10-19T14:03:00.123456789Z", "2024-10-19T14:03:00.123456789Z"),
        arguments("2024-10-19T14:03+0530", "2024-10-19T14:03+05:30"),
        arguments("2024-10-19T14:03:00+02", "2024-10-19T14:03+02:00"),
        arguments("2024-10-19T14:03:00", "2024-10-19T14:03+09:00"),
        arguments("2024-10-19T14:03", "2024-10-19T14:03+09:00"),
        arguments("2024-10-19T14:03:00+02:00[Europe/Paris]", "2024-10-19T14:03+02:00"),
        arguments("2024-10-19", "2024-10-19T00:00+09:00"),
        arguments("2024-10-19 14:03", "2024-10-19T14:03+09:00"),
        arguments("2024-10-19 14:03:59 UTC", "2024-10-19T14:03:59Z"),
        // Day first, as European sites write it
        arguments("08/04/2024 21h56", "2024-04-08T21:56+09:00"),
        arguments("08/04/2024 21:56", "2024-04-08T21:56+09:00"),
        arguments("08.04.2024", "2024-04-08T00:00+09:00"),
        arguments("Published 08/04/2024 21h56", "2024-04-08T21:56+09:00"),
        // ... unless the second number cannot be a month: US order
        arguments("04/28/2024 9:56 PM", "2024-04-28T21:56+09:00"),
        // Written out
        arguments("October 19, 2024", "2024-10-19T00:00+09:00"),
        arguments("Oct. 19, 2024 2:03 p.m. EDT", "2024-10-19T14:03-04:00"),
        arguments("October 19, 2024 at 12:15 am", "2024-10-19T00:15+09:00"),
        arguments("19 October 2024", "2024-10-19T00:00+09:00"),
        arguments("19th October 2024, 14:03", "2024-10-19T14:03+09:00"),
        arguments("Published: October 19, 2024", "2024-10-19T00:00+09:00"),
        // Relative to the fetch time, in the source's zone
        arguments("2 hours ago", "2024-10-20T19:00+09:00"),
        arguments("an hour ago", "2024-10-20T20:00+09:00"),
        arguments("45 mins ago", "2024-10-20T20:15+09:00"),
        arguments("3 days ago", "2024-10-17T21:00+09:00"),
        arguments("1 week ago", "2024-10-13T21:00+09:00"),
        arguments("yesterday", "2024-10-19T21:00+09:00"),
        arguments("Posted 2 hours ago", "2024-10-20T19:00+09:00"),
        arguments("just now", "2024-10-20T21:00+09:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void parsesTheFormatsFoundInTheWild(String raw, String expected) {
    assertThat(PublishedDates.parse(raw, FETCHED, TOKYO)).contains(OffsetDateTime.parse(expected));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", " ", "garbage", "Politics", "ICARO Media Group", "31/02/2024 21h56", "2024-13-01", "2024-10-19T25:00:00Z",
      "October 32, 2024", "13 Foo 2024", "12345", "13:45", "in 2 hours", "a long time ago"})
  void garbageAndImpossibleDatesAreEmpty(String raw) {
    assertThat(PublishedDates.parse(raw, FETCHED, TOKYO)).isEmpty();
  }

  @Test
  void nullIsEmpty() {
    assertThat(PublishedDates.parse(null, FETCHED, TOKYO)).isEmpty();
  }

  @Test
  void withoutAFetchTimeARelativeDateIsNoDate() {
    assertThat(PublishedDates.parse("2 hours ago", null, TOKYO)).isEmpty();
    assertThat(PublishedDates.parse("2024-10-19", null, ZoneOffset.UTC)).contains(OffsetDateTime.parse("2024-10-19T00:00Z"));
  }

  @Test
  void anUnknownZoneAbbreviationTakesTheSourceZone() {
    assertThat(PublishedDates.parse("19 Oct 2024 14:03 XYZ", FETCHED, TOKYO)).contains(OffsetDateTime.parse("2024-10-19T14:03+09:00"));
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        arguments("On October 19, 2024, in a report from Epoch Times, it was stated that ...", "2024-10-19T00:00+09:00"),
        arguments("By Jane Doe | Published 08/04/2024 21h56 | Updated 09/04/2024 08h00", "2024-04-08T21:56+09:00"),
        arguments("LONDON, 19 October 2024 (Reuters) - Britain said ...", "2024-10-19T00:00+09:00"),
        arguments("Posted 3 days ago by the desk", "2024-10-17T21:00+09:00"),
        arguments("Last updated 2024-10-19T14:03:00Z.", "2024-10-19T14:03Z"),
        // The first date wins, whatever its format.
        arguments("Published Oct 18, 2024; the summit of 19/10/2024 ...", "2024-10-18T00:00+09:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void findsTheFirstDateWrittenInText(String text, String expected) {
    assertThat(PublishedDates.findInText(text, FETCHED, TOKYO)).contains(OffsetDateTime.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"The U.S., Britain and Australia will announce talks on Monday.", "Sales rose 3 days ago, the firm said.",
      "On 3 May 20 people died.", "Version 2024-10-193 shipped.", "It cost 19/10 of the budget."})
  void textWithoutAPublicationDateHasNone(String text) {
    assertThat(PublishedDates.findInText(text, FETCHED, TOKYO)).isEmpty();
  }
}
