package io.newsmonitor.benchmarks;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.kb.KnowledgeBase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap the loaded knowledge base and its tagger's automaton retain: heap in use after full collections, before and
 * after loading, the tagger kept reachable. Run with {@code ./run-benchmark kb-memory}.
 */
public final class KnowledgeBaseFootprint {

  private KnowledgeBaseFootprint() {
  }

  public static void main(String[] args) {
    long before = usedAfterGc();
    Tagger tagger = new Tagger(KnowledgeBase.loadDefault());
    long after = usedAfterGc();
    KnowledgeBase knowledgeBase = tagger.knowledgeBase();
    System.out.printf("knowledge base %s (%d entries): %.1f MB of heap retained with the tagger's automaton%n",
        knowledgeBase.version(), knowledgeBase.entries().size(), (after - before) / 1e6);
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
