package io.newsmonitor.ingest.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The five seed articles of {@code samples/seeds/} at the root of the project. */
public final class Seeds {

  private Seeds() {
  }

  /** The seed folder, found from the module folder (Maven) or the project root (an IDE). */
  public static Path folder() {
    for (Path candidate : List.of(Path.of("..", "samples", "seeds"), Path.of("samples", "seeds"))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("samples/seeds not found from " + Path.of("").toAbsolutePath());
  }

  /** The seed files, in name order. */
  public static List<Path> all() {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the seed whose name starts with {@code prefix}, e.g. {@code 000}. */
  public static String text(String prefix) {
    return read(file(prefix));
  }

  public static Path file(String prefix) {
    return all().stream().filter(file -> file.getFileName().toString().startsWith(prefix + "_")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no seed " + prefix));
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
