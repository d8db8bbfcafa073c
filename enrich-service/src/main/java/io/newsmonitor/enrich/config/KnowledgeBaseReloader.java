package io.newsmonitor.enrich.config;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.kb.InvalidKnowledgeBaseException;
import io.newsmonitor.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reloads the knowledge-base file into the {@link Tagger} when it changes, without a restart. The file's modification time
 * and size are polled (a watch service misses changes on some network and container file systems); a changed file is
 * loaded and checked in full before the tagger switches to it, so a broken file leaves the previous knowledge base in use and
 * is reported in the log and in the health check until a good file replaces it. Write the new file aside and move it into
 * place, so that a half-written file is never read.
 */
public final class KnowledgeBaseReloader implements AutoCloseable {

  // A plain logger: this class is also used outside Quarkus, where its static Log is not available.
  private static final Logger LOG = Logger.getLogger(KnowledgeBaseReloader.class);

  private final Path file;
  private final Tagger tagger;
  private final Clock clock;
  private ScheduledExecutorService poller;
  private FileStamp loadedStamp;
  private volatile Status status;

  /**
   * @param file the knowledge-base file the tagger was built from
   * @param tagger the tagger to keep up to date
   */
  public KnowledgeBaseReloader(Path file, Tagger tagger, Clock clock) {
    this.file = requireNonNull(file, "file");
    this.tagger = requireNonNull(tagger, "tagger");
    this.clock = requireNonNull(clock, "clock");
    this.loadedStamp = FileStamp.of(file).orElse(null);
    this.status = new Status(tagger.knowledgeBase().version(), clock.instant(), Optional.empty());
  }

  /** What was last loaded and whether the latest change of the file was refused. */
  public Status status() {
    return status;
  }

  /** The file being watched. */
  public Path file() {
    return file;
  }

  /** Checks the file every {@code interval} from now on, on a daemon thread of its own. */
  public synchronized void start(Duration interval) {
    if (poller != null) {
      throw new IllegalStateException("already started");
    }
    poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "knowledge-base-reloader");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, interval.toMillis());
    poller.scheduleWithFixedDelay(this::checkNow, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Loads the file if it changed since the last attempt. Each change is tried once: a broken file is not re-read every
   * poll, only when it changes again.
   *
   * @return true when a new knowledge base is now in use
   */
  public synchronized boolean checkNow() {
    Optional<FileStamp> stamp = FileStamp.of(file);
    if (stamp.isEmpty() || stamp.get().equals(loadedStamp)) {
      return false;
    }
    loadedStamp = stamp.get();
    String previous = tagger.knowledgeBase().version();
    try {
      KnowledgeBase next = KnowledgeBase.load(file);
      tagger.replaceKnowledgeBase(next);
      status = new Status(next.version(), clock.instant(), Optional.empty());
      LOG.infof("Knowledge base reloaded from %s: %s (was %s)", file, next, previous);
      return true;
    } catch (InvalidKnowledgeBaseException | IllegalArgumentException e) {
      status = new Status(previous, status.loadedAt(), Optional.of(e.getMessage()));
      LOG.errorf("Knowledge base file %s changed but is invalid, still using version %s: %s", file, previous, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      status = new Status(previous, status.loadedAt(), Optional.of(e.toString()));
      LOG.errorf(e, "Knowledge base file %s changed but could not be used, still using version %s", file, previous);
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  /**
   * @param version the version in use
   * @param loadedAt when it was loaded
   * @param lastError why the latest change of the file was refused; empty once a good file is loaded
   */
  public record Status(String version, Instant loadedAt, Optional<String> lastError) {
  }

  /** What tells a changed file: its modification time and size. */
  private record FileStamp(Instant modified, long size) {

    static Optional<FileStamp> of(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return Optional.of(new FileStamp(attributes.lastModifiedTime().toInstant(), attributes.size()));
      } catch (IOException e) {
        // Missing for a moment while it is being replaced: keep what is loaded, look again at the next poll.
        return Optional.empty();
      }
    }
  }
}
