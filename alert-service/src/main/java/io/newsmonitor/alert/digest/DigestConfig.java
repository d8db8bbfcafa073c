package io.newsmonitor.alert.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** When digests are made ({@code alert.digest.*}). */
@ConfigMapping(prefix = "alert.digest")
public interface DigestConfig {

  /** How often closed periods are looked for; {@code off} disables the schedule (the tests run the job themselves); default 1m. */
  @WithDefault("1m")
  String every();

  /** The zone whose hours and days are the periods; default UTC. */
  @WithDefault("UTC")
  ZoneId zone();

  /**
   * How long after its end a period is digested: an alert is stamped when its transaction starts and visible when it
   * commits, so a period closed a moment ago may still be gaining alerts; default 1m.
   */
  @WithDefault("1m")
  Duration settle();

  /**
   * How far back periods without a digest are looked for, so that a restart or an outage shorter than this misses none;
   * default 48h.
   */
  @WithDefault("48h")
  Duration lookBack();
}
