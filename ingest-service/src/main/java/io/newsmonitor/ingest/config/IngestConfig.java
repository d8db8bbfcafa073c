package io.newsmonitor.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Settings of ingest-service under {@code ingest.*}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** What an article may be. */
  Article article();

  /** How articles are published. */
  Publish publish();

  /** Limits on an incoming article. */
  interface Article {

    /** Longest body accepted, in characters (UTF-16 units, as Java counts them). Default 200000. */
    @WithDefault("200000")
    @Min(1)
    int maxBodyLength();
  }

  /** Publishing to Kafka. */
  interface Publish {

    /**
     * How long a request waits for the broker to acknowledge a record before it gives up, rolls back and answers 503.
     * Keep it above the producer's {@code delivery.timeout.ms}, so the producer's own verdict normally comes first.
     * Default 20s.
     */
    @WithDefault("20s")
    Duration timeout();
  }
}
