package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules indexed by what they require (the presearcher idea of Lucene Monitor), so that an article is evaluated only
 * against the rules it could match: a rule on {@code Japan + Pillar II} is looked at only for articles tagged with both,
 * whatever their 800 words. Each rule is posted under the anchors of its {@link Anchors#clauses clauses}; an article
 * collects the rules all of whose clauses it meets, plus those that require nothing (a rule of NOTs only). Immutable and
 * thread-safe once built; {@link #matches} gives exactly the rules that {@link RuleEvaluator} matches.
 *
 * @param <K> what identifies a rule to its owner, e.g. a subscription id
 */
public final class RuleIndex<K> {

  /** A rule and what identifies it. */
  public record Entry<K>(K key, ResolvedRule rule) {

    public Entry {
      requireNonNull(key, "key");
      requireNonNull(rule, "rule");
    }
  }

  /**
   * A posting is a rule's number shifted left by these bits, or'ed with the number of the clause that the anchor serves:
   * room for 8 clauses, whose bits fit the byte of {@link #required}.
   */
  private static final int CLAUSE_BITS = 3;

  private final List<Entry<K>> entries;
  private final CompiledRule[] compiled;
  /** Per rule, one bit per clause: the bits an article must set to make it a candidate; 0 for a rule that can never match. */
  private final byte[] required;
  private final int[] unconditional;
  private final Map<Anchor.Kind, Map<String, int[]>> postings;
  private final PrefixTrie prefixes;

  private RuleIndex(List<Entry<K>> entries) {
    this.entries = List.copyOf(entries);
    this.required = new byte[entries.size()];
    Map<Resolution, Resolution> meanings = new HashMap<>();
    this.compiled = entries.stream().map(entry -> CompiledRule.of(entry.rule(), meanings)).toArray(CompiledRule[]::new);
    Map<Anchor.Kind, Map<String, List<Integer>>> building = new EnumMap<>(Anchor.Kind.class);
    List<Integer> always = new ArrayList<>();
    for (int rule = 0; rule < entries.size(); rule++) {
      List<Set<Anchor>> clauses = Anchors.clauses(entries.get(rule).rule());
      if (clauses.isEmpty()) {
        always.add(rule);
        continue;
      }
      if (clauses.contains(Set.of())) {
        // It can never match: no posting, never a candidate.
        continue;
      }
      for (int clause = 0; clause < clauses.size(); clause++) {
        required[rule] |= (byte) (1 << clause);
        for (Anchor anchor : clauses.get(clause)) {
          building.computeIfAbsent(anchor.kind(), kind -> new HashMap<>()).computeIfAbsent(anchor.key(), key -> new ArrayList<>())
              .add(rule << CLAUSE_BITS | clause);
        }
      }
    }
    this.unconditional = always.stream().mapToInt(Integer::intValue).toArray();
    this.postings = new EnumMap<>(Anchor.Kind.class);
    building.forEach((kind, byKey) -> {
      Map<String, int[]> frozen = new HashMap<>(byKey.size() * 2);
      byKey.forEach((key, list) -> frozen.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
      postings.put(kind, frozen);
    });
    this.prefixes = new PrefixTrie(postings.getOrDefault(Anchor.Kind.PREFIX, Map.of()));
  }

  /** Indexes {@code entries}; their order is the order of candidates and matches. */
  public static <K> RuleIndex<K> of(Collection<Entry<K>> entries) {
    return new RuleIndex<>(new ArrayList<>(entries));
  }

  /** How many rules are indexed. */
  public int size() {
    return entries.size();
  }

  /** The rules that may match the article: every one that matches, and some that do not. */
  public List<Entry<K>> candidates(PreparedArticle article) {
    int[] rules = collect(article);
    List<Entry<K>> candidates = new ArrayList<>(rules.length);
    for (int rule : rules) {
      candidates.add(entries.get(rule));
    }
    return candidates;
  }

  /** The rules that match the article, exactly those for which {@link RuleEvaluator#evaluate} says matched, in index order. */
  public List<Entry<K>> matches(PreparedArticle article) {
    int[] rules = collect(article);
    List<Entry<K>> matches = new ArrayList<>(rules.length);
    for (int rule : rules) {
      if (compiled[rule].test(article)) {
        matches.add(entries.get(rule));
      }
    }
    return matches;
  }

  /** The numbers of the candidate rules, in index order. */
  private int[] collect(PreparedArticle article) {
    Hits hits = new Hits(entries.size());
    hits.addAll(postings.get(Anchor.Kind.TAG), article.tagIds());
    hits.addAll(postings.get(Anchor.Kind.WORD), article.words());
    hits.addAll(postings.get(Anchor.Kind.SOURCE), article.sourceWords());
    hits.addAll(postings.get(Anchor.Kind.LANGUAGE), article.languageKeys());
    if (!prefixes.isEmpty()) {
      for (String word : article.foldedWords()) {
        prefixes.forEachPrefixOf(word, hits::add);
      }
    }
    int[] found = hits.complete(required);
    int[] all = Arrays.copyOf(found, found.length + unconditional.length);
    System.arraycopy(unconditional, 0, all, found.length, unconditional.length);
    Arrays.sort(all);
    return all;
  }

  /** The clauses of each rule an article met so far, and the rules it touched. */
  private static final class Hits {

    private final byte[] met;
    private int[] touched = new int[64];
    private int touchedCount;

    Hits(int rules) {
      met = new byte[rules];
    }

    void addAll(Map<String, int[]> byKey, Set<String> keys) {
      if (byKey == null) {
        return;
      }
      for (String key : keys) {
        int[] list = byKey.get(key);
        if (list != null) {
          add(list);
        }
      }
    }

    void add(int[] list) {
      for (int posting : list) {
        int rule = posting >>> CLAUSE_BITS;
        if (met[rule] == 0) {
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
          }
          touched[touchedCount++] = rule;
        }
        met[rule] |= (byte) (1 << (posting & ((1 << CLAUSE_BITS) - 1)));
      }
    }

    /** The touched rules whose every clause is met. */
    int[] complete(byte[] required) {
      int[] complete = new int[touchedCount];
      int count = 0;
      for (int i = 0; i < touchedCount; i++) {
        int rule = touched[i];
        if (met[rule] == required[rule]) {
          complete[count++] = rule;
        }
      }
      return Arrays.copyOf(complete, count);
    }
  }
}
