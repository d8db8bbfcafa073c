package io.newsmonitor.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generated articles with the lengths and the mess of real ones: each is a seed's text under a numbered title and dateline,
 * so that every article is distinct (no de-duplication short cut) while the work per article stays realistic.
 */
final class SeedTemplates {

  /** Lines before the story in the seed format: title, blank, image URL, source, section, date, blank. */
  private static final int HEADER_LINES = 7;

  private record Template(String title, List<String> paragraphs) {
  }

  private final List<Template> templates;

  private SeedTemplates(List<Template> templates) {
    this.templates = templates;
  }

  /** The seeds of the repository the harness runs in ({@code news.repo.root}, set by ./run-benchmark). */
  static SeedTemplates ofRepository() {
    return load(Harness.repoRoot().resolve("samples/seeds"));
  }

  static SeedTemplates load(Path seedDirectory) {
    try (Stream<Path> files = Files.list(seedDirectory)) {
      List<Template> templates = new ArrayList<>();
      for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        String title = lines.get(0).isBlank() ? "Untitled report" : lines.get(0).strip();
        List<String> paragraphs = lines.subList(Math.min(HEADER_LINES, lines.size()), lines.size()).stream()
            .map(String::strip).filter(line -> !line.isEmpty()).toList();
        templates.add(new Template(title, paragraphs));
      }
      if (templates.isEmpty()) {
        throw new IllegalStateException("no seed files (*.txt) in " + seedDirectory);
      }
      return new SeedTemplates(templates);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seeds in " + seedDirectory, e);
    }
  }

  String title(long n) {
    return template(n).title() + " — report " + n;
  }

  /**
   * The seed's paragraphs behind a numbered dateline. In their order: the seeds end with the trailers and comment threads
   * that cleaning cuts off, which is part of the work measured.
   */
  List<String> paragraphs(long n) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Benchmark Wire, dispatch " + n + ".");
    paragraphs.addAll(template(n).paragraphs());
    return paragraphs;
  }

  /** Every paragraph of every seed, in order: the material that articles mixing several seeds are cut from. */
  List<String> allParagraphs() {
    return templates.stream().flatMap(template -> template.paragraphs().stream()).toList();
  }

  /** The article as plain text, the way a push client sends it. */
  String body(long n) {
    return String.join("\n\n", paragraphs(n));
  }

  /** A body of exactly {@code words} words (fewer only if two seeds together are shorter): seed {@code n}'s, topped up with the next. */
  String body(long n, int words) {
    String[] split = (body(n) + "\n\n" + body(n + 1)).split("\\s+");
    return String.join(" ", Arrays.copyOf(split, Math.min(words, split.length)));
  }

  /** The article as a feed's {@code content:encoded}: paragraphs with the captions and widgets that cleaning removes. */
  String html(long n) {
    StringBuilder html = new StringBuilder("<figure><img src=\"https://example.org/p.jpg\"><figcaption>Image source: Reuters</figcaption></figure>");
    for (String paragraph : paragraphs(n)) {
      html.append("<p>").append(escape(paragraph)).append("</p>");
    }
    html.append("<p>Share this article</p><h3>You may also like</h3><ul><li><a href=\"https://example.org/other\">Another story</a></li></ul>");
    return html.toString();
  }

  private Template template(long n) {
    return templates.get((int) (n % templates.size()));
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
