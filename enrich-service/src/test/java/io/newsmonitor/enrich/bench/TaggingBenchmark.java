package io.newsmonitor.enrich.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Throughput of tagging alone, single thread, on ~800-word articles made from the seeds, with the full knowledge base; and
 * the heap the knowledge base and its automaton retain. Not part of the normal test run (its name does not end in
 * {@code Tests}); run it on purpose, see {@code README.md} beside it.
 */
class TaggingBenchmark {

  private static final int WORDS_PER_ARTICLE = 800;
  private static final long WARM_UP_NANOS = 5_000_000_000L;
  private static final long MEASURE_NANOS = 10_000_000_000L;

  @Test
  void measure() throws IOException {
    long before = usedHeapAfterGc();
    Tagger tagger = new Tagger(KnowledgeBase.load(Path.of("../knowledge-base/src/main/resources/io/newsmonitor/kb/knowledge-base.json")));
    long retained = usedHeapAfterGc() - before;
    List<String[]> articles = articles();

    int sink = run(tagger, articles, WARM_UP_NANOS)[1];
    int[] measured = run(tagger, articles, MEASURE_NANOS);
    double perSecond = measured[0] / (MEASURE_NANOS / 1e9);
    System.out.printf("tagging benchmark: %s; %d articles of ~%d words; %.0f articles/s on one thread (%.1f µs each); "
            + "knowledge base + automaton retain ~%.1f MB of heap (%d tags, checksum %d)%n",
        tagger.knowledgeBase(), articles.size(), WORDS_PER_ARTICLE, perSecond, 1e6 / perSecond, retained / 1e6, measured[1], sink);
    assertThat(perSecond).isPositive();
  }

  /** Tags articles round-robin for {@code nanos}; returns how many and the total tag count, so nothing is optimised away. */
  private static int[] run(Tagger tagger, List<String[]> articles, long nanos) {
    int count = 0;
    int tags = 0;
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      String[] article = articles.get(count % articles.size());
      Tagging tagging = tagger.tag(article[0], article[1], "en");
      tags += tagging.actors().size() + tagging.topics().size();
      count++;
    }
    return new int[] {count, tags};
  }

  /** Each seed, topped up with the words of the next ones until it has {@value #WORDS_PER_ARTICLE} words. */
  private static List<String[]> articles() throws IOException {
    List<List<String>> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../samples/seeds"))) {
      for (Path file : files.sorted().toList()) {
        seeds.add(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    List<String> allWords = seeds.stream().flatMap(lines -> lines.stream().skip(1)).flatMap(line -> Arrays.stream(line.split(" "))).toList();
    List<String[]> articles = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      List<String> lines = seeds.get(i);
      List<String> words = new ArrayList<>(Arrays.asList(String.join("\n", lines.subList(1, lines.size())).split(" ")));
      for (int k = 0; words.size() < WORDS_PER_ARTICLE; k++) {
        words.add(allWords.get((i * 997 + k) % allWords.size()));
      }
      articles.add(new String[] {lines.getFirst(), String.join(" ", words.subList(0, WORDS_PER_ARTICLE))});
    }
    return articles;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
