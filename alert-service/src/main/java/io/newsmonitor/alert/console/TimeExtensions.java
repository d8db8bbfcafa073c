package io.newsmonitor.alert.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the pages show them ({@code {article.published.shown}}); the time element's datetime keeps the exact value. */
@TemplateExtension
final class TimeExtensions {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TimeExtensions() {
  }

  static String shown(Instant instant) {
    return instant == null ? "" : SHOWN.format(instant);
  }

  static String shown(OffsetDateTime time) {
    return time == null ? "" : shown(time.toInstant());
  }
}
