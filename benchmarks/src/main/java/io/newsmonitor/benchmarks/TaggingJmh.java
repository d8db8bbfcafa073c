package io.newsmonitor.benchmarks;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.kb.KnowledgeBase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tagging alone, one thread: 800-word articles (two seeds each, cut) against the full knowledge base shipped in the
 * knowledge-base module. Run with {@code ./run-benchmark tagging}; the score is articles per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class TaggingJmh {

  private static final int WORDS_PER_ARTICLE = 800;
  private static final int ARTICLES = 50;

  private Tagger tagger;
  private List<String[]> articles;
  private int next;

  @Setup
  public void load() {
    tagger = new Tagger(KnowledgeBase.loadDefault());
    SeedTemplates templates = SeedTemplates.ofRepository();
    articles = IntStream.range(0, ARTICLES)
        .mapToObj(n -> new String[] {templates.title(n), templates.body(n, WORDS_PER_ARTICLE)})
        .toList();
  }

  @Benchmark
  public Tagging tagOneArticle() {
    String[] article = articles.get(next++ % ARTICLES);
    return tagger.tag(article[0], article[1], "en");
  }
}
