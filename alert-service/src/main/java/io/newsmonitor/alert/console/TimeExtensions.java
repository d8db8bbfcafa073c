package io.newsmonitor.alert.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Instants as the pages show them ({@code {article.published.shown}}); the time element's datetime keeps the exact value. */
@TemplateExtension
final class TimeExtensions {

  private TimeExtensions() {
  }

  static String shown(Instant instant) {
    return Console.when(instant);
  }

  static String shown(OffsetDateTime time) {
    return time == null ? "" : Console.when(time.toInstant());
  }
}
