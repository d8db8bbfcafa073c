package io.newsmonitor.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Temporary directories of the in-JVM servers. */
public final class Dirs {

  private static final Logger LOG = Logger.getLogger(Dirs.class.getName());

  private Dirs() {
  }

  /** A new directory under the system temp folder. */
  public static Path temp(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory in " + System.getProperty("java.io.tmpdir"), e);
    }
  }

  /** Deletes a directory tree; it holds only throwaway data, so a failure is logged, not thrown. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warning(() -> "Could not delete " + dir + ": " + e);
    }
  }
}
