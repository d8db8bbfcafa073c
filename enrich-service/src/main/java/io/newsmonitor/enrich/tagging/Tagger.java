package io.newsmonitor.enrich.tagging;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.events.Mention;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import io.newsmonitor.kb.Alias;
import io.newsmonitor.kb.KbEntry;
import io.newsmonitor.kb.KnowledgeBase;
import io.newsmonitor.kb.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds the knowledge base's actors and topics in an article. Every wording of every entry goes into one Aho-Corasick
 * automaton, which finds them all in a single pass over the {@link TextNormalizer normalised}, lower-cased title and body;
 * a match counts when it is made of whole words and, for a case-sensitive wording, has exactly its case ({@code US}, not
 * the {@code us} of "let us"). Offsets are mapped back to the original title and body (UTF-16).
 *
 * <p>Where matches overlap, the leftmost then longest one wins ({@code People's Republic of China} over
 * {@code Republic of China}); actors and topics are resolved separately, so {@code the second pillar of AUKUS} is both the
 * topic and a mention of AUKUS. A topic is only tagged when one of its context terms appears anywhere in the article
 * ({@code Pillar Two} is also the OECD minimum tax). A person does not tag their country by themselves.
 *
 * <p>Immutable and thread-safe; build one per knowledge base.
 */
public final class Tagger {

  /** How many mentions a tag lists, in text order (the count covers them all). */
  public static final int MAX_MENTIONS = 5;

  /** Salience of a mention in the title. */
  static final double TITLE_WEIGHT = 0.5;
  /** Salience of a mention at the very start of the body, halving every {@link #LEAD_HALF_LIFE} characters further. */
  static final double LEAD_WEIGHT = 0.3;
  static final double LEAD_HALF_LIFE = 500.0;
  /** Salience from repetition, reached at {@link #FULL_FREQUENCY} mentions. */
  static final double FREQUENCY_WEIGHT = 0.2;
  static final int FULL_FREQUENCY = 5;

  private static final Comparator<Tag> BY_SALIENCE = Comparator.comparingDouble(Tag::salience).reversed()
      .thenComparing(Comparator.comparingInt(Tag::mentionCount).reversed())
      .thenComparing(Tag::id);

  private final KnowledgeBase knowledgeBase;
  /** The payload of each keyword is the keyword itself (folded wording), the key into {@link #wordings}. */
  private final PayloadTrie<String> trie;
  private final Map<String, List<Wording>> wordings;

  public Tagger(KnowledgeBase knowledgeBase) {
    this.knowledgeBase = requireNonNull(knowledgeBase, "knowledgeBase");
    Map<String, List<Wording>> byKeyword = new HashMap<>();
    for (KbEntry entry : knowledgeBase.entries()) {
      for (Alias alias : entry.aliases()) {
        add(byKeyword, new Wording(TextNormalizer.normalizeTerm(alias.text()), alias.caseSensitive(), entry, null));
      }
      for (String term : entry.contextTerms()) {
        if (knowledgeBase.byId(term).isEmpty()) {
          String normalized = TextNormalizer.normalizeTerm(term);
          add(byKeyword, new Wording(normalized, false, null, TextNormalizer.fold(normalized)));
        }
      }
    }
    PayloadTrie.PayloadTrieBuilder<String> builder = PayloadTrie.builder();
    byKeyword.keySet().forEach(keyword -> builder.addKeyword(keyword, keyword));
    this.trie = builder.build();
    this.wordings = Map.copyOf(byKeyword);
  }

  /** The knowledge base this tagger was built from. */
  public KnowledgeBase knowledgeBase() {
    return knowledgeBase;
  }

  /** Tags an article. {@code null} title or body count as empty. */
  public Tagging tag(String title, String body) {
    Field titleField = new Field(TextField.TITLE, title == null ? "" : title);
    Field bodyField = new Field(TextField.BODY, body == null ? "" : body);
    List<Hit> hits = new ArrayList<>();
    scan(titleField, hits);
    scan(bodyField, hits);

    // Context is judged on every match, overlapped or not: "second pillar of AUKUS" mentions AUKUS.
    Set<String> presentIds = new HashSet<>();
    Set<String> presentTerms = new HashSet<>();
    for (Hit hit : hits) {
      if (hit.wording().entry() != null) {
        presentIds.add(hit.wording().entry().id());
      } else {
        presentTerms.add(hit.wording().contextTerm());
      }
    }

    List<Hit> actorHits = leftmostLongest(hits.stream().filter(h -> h.wording().entry() != null && !h.wording().entry().isTopic()).toList());
    List<Hit> topicHits = leftmostLongest(hits.stream().filter(h -> h.wording().entry() != null && h.wording().entry().isTopic()).toList());

    List<Tag> actors = tags(actorHits, bodyField);
    List<Tag> topics = tags(topicHits, bodyField).stream()
        .filter(tag -> contextHolds(knowledgeBase.byId(tag.id()).orElseThrow(), presentIds, presentTerms))
        .toList();
    return new Tagging(actors, topics);
  }

  private void scan(Field field, List<Hit> hits) {
    TextNormalizer.Normalized text = field.normalized();
    for (PayloadEmit<String> emit : trie.parseText(text.folded())) {
      int start = emit.getStart();
      int end = emit.getEnd() + 1; // the library's end is inclusive
      if (!TextNormalizer.isWholeWord(text.text(), start, end)) {
        continue;
      }
      for (Wording wording : wordings.get(emit.getPayload())) {
        if (wording.caseSensitive() && !text.text().regionMatches(start, wording.text(), 0, wording.text().length())) {
          continue;
        }
        hits.add(new Hit(field, start, end, wording));
      }
    }
  }

  /** Keeps, field by field, the leftmost and then longest of overlapping matches. */
  private static List<Hit> leftmostLongest(List<Hit> hits) {
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparing((Hit h) -> h.field().name())
        .thenComparingInt(Hit::start)
        .thenComparing(Comparator.comparingInt((Hit h) -> h.end() - h.start()).reversed()));
    List<Hit> kept = new ArrayList<>();
    TextField field = null;
    int lastEnd = -1;
    for (Hit hit : sorted) {
      if (hit.field().name() != field) {
        field = hit.field().name();
        lastEnd = -1;
      }
      if (hit.start() >= lastEnd) {
        kept.add(hit);
        lastEnd = hit.end();
      }
    }
    return kept;
  }

  private static List<Tag> tags(List<Hit> hits, Field body) {
    Map<String, List<Hit>> byEntry = new LinkedHashMap<>();
    for (Hit hit : hits) {
      byEntry.computeIfAbsent(hit.wording().entry().id(), id -> new ArrayList<>()).add(hit);
    }
    List<Tag> tags = new ArrayList<>();
    for (List<Hit> entryHits : byEntry.values()) {
      entryHits.sort(Comparator.comparing((Hit h) -> h.field().name()).thenComparingInt(Hit::start));
      KbEntry entry = entryHits.getFirst().wording().entry();
      List<Mention> mentions = entryHits.stream().limit(MAX_MENTIONS).map(Hit::mention).toList();
      tags.add(new Tag(entry.id(), entry.name(), entry.type(), entryHits.size(), salience(entryHits, body), mentions));
    }
    tags.sort(BY_SALIENCE);
    return tags;
  }

  /**
   * 0..1: a title mention weighs {@value #TITLE_WEIGHT}; the first body mention up to {@value #LEAD_WEIGHT}, halving every
   * {@value #LEAD_HALF_LIFE} characters from the start of the body (an absolute distance, so the comment threads some
   * sources append do not dilute the lead); repetition up to {@value #FREQUENCY_WEIGHT} at {@value #FULL_FREQUENCY}
   * mentions. Rounded to three decimals so that the same text always gives the same number.
   */
  static double salience(List<Hit> hits, Field body) {
    boolean inTitle = hits.stream().anyMatch(h -> h.field().name() == TextField.TITLE);
    int firstInBody = hits.stream().filter(h -> h.field().name() == TextField.BODY)
        .mapToInt(h -> h.field().normalized().originalStart(h.start())).min().orElse(-1);
    double score = inTitle ? TITLE_WEIGHT : 0;
    if (firstInBody >= 0) {
      score += LEAD_WEIGHT * Math.pow(0.5, firstInBody / LEAD_HALF_LIFE);
    }
    score += FREQUENCY_WEIGHT * Math.min(1.0, hits.size() / (double) FULL_FREQUENCY);
    return Math.min(1.0, Math.round(score * 1000) / 1000.0);
  }

  private boolean contextHolds(KbEntry topic, Set<String> presentIds, Set<String> presentTerms) {
    if (topic.contextTerms().isEmpty()) {
      return true;
    }
    for (String term : topic.contextTerms()) {
      boolean present = knowledgeBase.byId(term).isPresent()
          ? presentIds.contains(knowledgeBase.byId(term).get().id())
          : presentTerms.contains(TextNormalizer.fold(TextNormalizer.normalizeTerm(term)));
      if (present) {
        return true;
      }
    }
    return false;
  }

  private static void add(Map<String, List<Wording>> byKeyword, Wording wording) {
    List<Wording> list = byKeyword.computeIfAbsent(TextNormalizer.fold(wording.text()), k -> new ArrayList<>());
    if (!list.contains(wording)) {
      list.add(wording);
    }
  }

  /**
   * One wording to look for.
   *
   * @param text normalised, in its case
   * @param entry the entry it names, or {@code null} for a plain context term
   * @param contextTerm the folded context term, when {@code entry} is {@code null}
   */
  record Wording(String text, boolean caseSensitive, KbEntry entry, String contextTerm) {
  }

  /** A title or body, with its normalised form. */
  record Field(TextField name, String original, TextNormalizer.Normalized normalized) {

    Field(TextField name, String original) {
      this(name, original, TextNormalizer.normalize(original));
    }
  }

  /** A match; {@code [start, end)} are offsets into the normalised text of {@code field}. */
  record Hit(Field field, int start, int end, Wording wording) {

    Mention mention() {
      int originalStart = field.normalized().originalStart(start);
      int originalEnd = field.normalized().originalEnd(end);
      return new Mention(field.name(), originalStart, originalEnd, field.original().substring(originalStart, originalEnd));
    }
  }
}
