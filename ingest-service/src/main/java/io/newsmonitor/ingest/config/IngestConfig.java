package io.newsmonitor.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of ingest-service under {@code ingest.*}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** What an article may be. */
  Article article();

  /** How articles are published. */
  Publish publish();

  /** Batches: NDJSON pushes and imported files. */
  Batch batch();

  /** Import of article files dropped into a folder. */
  @WithName("import")
  Import fileImport();

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

  /** Limits on a batch. */
  interface Batch {

    /**
     * Most items one batch may hold: lines of an NDJSON push, items of an uploaded or dropped file. A bigger batch is
     * refused whole (413), before any item is ingested. Default 1000.
     */
    @WithDefault("1000")
    @Min(1)
    int maxItems();
  }

  /** The import folder. */
  interface Import {

    /**
     * Folder scanned for article files ({@code .txt} seed format, {@code .json}, {@code .ndjson}, {@code .jsonl}); each
     * imported file moves to {@code processed/} or, with a {@code <name>.error.txt}, to {@code failed/} below it. No
     * default: without it nothing is scanned.
     */
    Optional<Path> directory();

    /** Time between two scans of {@link #directory()}. Default 5s. */
    @WithDefault("5s")
    Duration scanInterval();
  }
}
