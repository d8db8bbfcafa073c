package io.newsmonitor.enrich.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The seed articles of {@code samples/seeds}: the first non-blank line is the title, the rest the body. */
public final class Seeds {

  /** Relative to the module, where Maven runs the tests. */
  static final Path DIR = Path.of("../samples/seeds");

  public record Seed(String name, String title, String body) {
  }

  private Seeds() {
  }

  public static Seed seed(String number) {
    try (Stream<Path> files = Files.list(DIR)) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith(number + "_")).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no seed " + number + " in " + DIR.toAbsolutePath()));
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int first = 0;
      while (lines.get(first).isBlank()) {
        first++;
      }
      String body = String.join("\n", lines.subList(first + 1, lines.size())).strip();
      return new Seed(file.getFileName().toString(), lines.get(first).strip(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
