package io.newsmonitor.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Starting Java child processes, stopping them, and reading the end of their logs. */
public final class Processes {

  private static final Logger LOG = Logger.getLogger(Processes.class.getName());

  private Processes() {
  }

  /** The {@code java} launcher of the running JVM, so children run on the same JDK as their parent. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** SIGTERM, then SIGKILL if the process has not exited after {@code grace}; returns once it is gone. */
  public static void terminate(Process process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warning(() -> "Process " + process.pid() + " did not stop within " + grace.toSeconds() + " s of SIGTERM; killing it");
        kill(process);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
    }
  }

  /** SIGKILL; returns once the process is gone. */
  public static void kill(Process process) {
    process.destroyForcibly();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL for 30 s", e);
    }
  }

  /** The last {@code lines} lines of a log file, for error messages. */
  public static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no log at " + file + ")";
    }
    // Only the end of the file: broker and service logs grow large, and they are not always valid UTF-8.
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
      channel.read(buffer, size - buffer.capacity());
      List<String> all = new String(buffer.array(), StandardCharsets.UTF_8).lines().toList();
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }
}
