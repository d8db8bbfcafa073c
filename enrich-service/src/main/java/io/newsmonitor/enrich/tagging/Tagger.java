package io.newsmonitor.enrich.tagging;

import static java.util.Objects.requireNonNull;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.newsmonitor.events.Mention;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import io.newsmonitor.kb.Alias;
import io.newsmonitor.kb.Condition;
import io.newsmonitor.kb.KbEntry;
import io.newsmonitor.kb.KnowledgeBase;
import io.newsmonitor.kb.TermGroup;
import io.newsmonitor.kb.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds the knowledge base's actors and topics in an article. Every wording of every entry, and every word or phrase that a
 * condition names, goes into one Aho-Corasick automaton, which finds them all in a single pass over the
 * {@link TextNormalizer normalised}, lower-cased title and body; a match counts when it is made of whole words and, for a
 * case-sensitive wording, has exactly its case ({@code US}, not the {@code us} of "let us"). Offsets are mapped back to the
 * original title and body (UTF-16).
 *
 * <p>A wording is a mention of its entry only when the {@link Condition conditions} of the alias and of the entry hold around
 * it (title and body are read as one text, title first, so a window around a headline mention reaches into the lead) ({@code Pillar Two} needs AUKUS and defence nearby and no OECD; {@code Georgia} needs the Caucasus and no Atlanta). Where
 * mentions overlap, the leftmost then longest one wins ({@code People's Republic of China} over {@code Republic of China}),
 * two entries with the very same span both keep it; actors and topics are resolved separately, so {@code the second pillar of
 * AUKUS} is both the topic and a mention of AUKUS. Only the most specific topic is tagged: a topic whose descendant is tagged
 * is dropped. A person does not tag their country by themselves. In a field written mostly in capitals, short all-capital
 * case-sensitive wordings ({@code US}) are ignored, the case telling nothing there ("THIS TITLE IS FOR ALL OF US"). A wording
 * that is also a first name or a surname ({@code Chad}, {@code Washington}) names nobody in an article whose body uses it as
 * a person's name ({@link PersonNames}).
 *
 * <p>Thread-safe. The knowledge base can be {@linkplain #replaceKnowledgeBase replaced} while the tagger is in use: the new
 * automaton is built aside and swapped in at once, and each call to {@link #tag} uses one knowledge base throughout, whose
 * version it reports.
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

  private volatile Automaton automaton;

  public Tagger(KnowledgeBase knowledgeBase) {
    this.automaton = new Automaton(requireNonNull(knowledgeBase, "knowledgeBase"));
  }

  /** The knowledge base the tagger uses now. */
  public KnowledgeBase knowledgeBase() {
    return automaton.knowledgeBase;
  }

  /**
   * Uses {@code next} from now on. The automaton is built before the swap, so calls in progress finish with the previous
   * knowledge base and a failure here leaves the tagger as it was.
   */
  public void replaceKnowledgeBase(KnowledgeBase next) {
    Automaton built = new Automaton(requireNonNull(next, "next"));
    automaton = built;
  }

  /** Tags an article whose language is unknown. {@code null} title or body count as empty. */
  public Tagging tag(String title, String body) {
    return tag(title, body, null);
  }

  /**
   * Tags an article. {@code null} title or body count as empty.
   *
   * @param language the article's language (BCP 47, e.g. {@code en}, {@code fr-CA}) or {@code null} when unknown; an article
   *     in a language the knowledge base does not cover is tagged with what matches and flagged
   */
  public Tagging tag(String title, String body, String language) {
    Automaton current = automaton;
    return new Call(current, title, body).run(language);
  }

  /** The compiled form of one knowledge base: immutable, shared by every call that started while it was current. */
  private static final class Automaton {

    private final KnowledgeBase knowledgeBase;
    private final List<KbEntry> entries;
    private final Map<String, Integer> entryIndex;
    /**
     * Folded wording → what it can be: aliases of entries, or condition terms. A double-array automaton: each character of
     * an article is an array look-up, where a trie of hash maps (org.ahocorasick) boxed and hashed it: a quarter of the
     * service's CPU.
     */
    private final AhoCorasickDoubleArrayTrie<List<Wording>> trie;
    /** Per entry index: its compiled condition. */
    private final CompiledCondition[] entryConditions;
    /** Per entry index: the indexes of its ancestors in the topic hierarchy. */
    private final int[][] ancestors;
    /** Per entry index: the indexes of the entries it links to. */
    private final Set<Integer>[] links;

    Automaton(KnowledgeBase knowledgeBase) {
      this.knowledgeBase = knowledgeBase;
      this.entries = knowledgeBase.entries();
      Map<String, Integer> entryIndex = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        entryIndex.put(entries.get(i).id(), i);
      }
      this.entryIndex = Map.copyOf(entryIndex);
      // Keys of occurrences: 0..n-1 are entries, n.. are the plain words and phrases of conditions.
      Map<String, Integer> termKeys = new HashMap<>();
      Map<String, List<Wording>> byKeyword = new HashMap<>();
      KeyResolver keys = term -> {
        if (KnowledgeBase.isIdLike(term)) {
          return entryIndex.get(term);
        }
        String normalized = TextNormalizer.normalizeTerm(term);
        String folded = TextNormalizer.fold(normalized);
        return termKeys.computeIfAbsent(folded, f -> {
          int key = entries.size() + termKeys.size();
          add(byKeyword, folded, new Wording(normalized, false, -1, key, CompiledCondition.NONE, false, false));
          return key;
        });
      };
      this.entryConditions = new CompiledCondition[entries.size()];
      this.ancestors = new int[entries.size()][];
      @SuppressWarnings("unchecked")
      Set<Integer>[] linkIndexes = new Set[entries.size()];
      this.links = linkIndexes;
      for (int i = 0; i < entries.size(); i++) {
        KbEntry entry = entries.get(i);
        entryConditions[i] = CompiledCondition.of(entry.condition(), keys);
        for (Alias alias : entry.aliases()) {
          String normalized = TextNormalizer.normalizeTerm(alias.text());
          add(byKeyword, TextNormalizer.fold(normalized),
              new Wording(normalized, alias.caseSensitive(), i, i, CompiledCondition.of(alias.condition(), keys), alias.alsoFirstName(),
                  alias.alsoSurname()));
        }
        List<Integer> chain = new ArrayList<>();
        for (String parent = entry.parent(); parent != null; parent = entries.get(entryIndex.get(parent)).parent()) {
          chain.add(entryIndex.get(parent));
        }
        ancestors[i] = chain.stream().mapToInt(Integer::intValue).toArray();
        links[i] = Set.copyOf(entry.links().stream().map(entryIndex::get).toList());
      }
      SortedMap<String, List<Wording>> keywords = new TreeMap<>();
      byKeyword.forEach((keyword, wordings) -> keywords.put(keyword, List.copyOf(wordings)));
      this.trie = new AhoCorasickDoubleArrayTrie<>();
      trie.build(keywords);
    }

    private static void add(Map<String, List<Wording>> byKeyword, String folded, Wording wording) {
      List<Wording> list = byKeyword.computeIfAbsent(folded, k -> new ArrayList<>());
      if (!list.contains(wording)) {
        list.add(wording);
      }
    }

    LanguageCoverage coverage(String language) {
      if (language == null || language.isBlank()) {
        return LanguageCoverage.UNKNOWN;
      }
      String primary = language.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
      return knowledgeBase.languages().contains(primary) ? LanguageCoverage.COVERED : LanguageCoverage.NOT_COVERED;
    }
  }

  /** The work of one {@link #tag} call. */
  private static final class Call {

    private final Automaton automaton;
    private final Field title;
    private final Field body;
    /** Every occurrence by key (entry index or condition term), whatever its conditions: the context conditions look at. */
    private final Map<Integer, List<Hit>> occurrences = new HashMap<>();
    private final Map<CompiledGroup, Boolean> wholeArticleGroups = new IdentityHashMap<>();
    /** Wordings that this article uses as a person's name ("Chad Whitaker"): none of their matches names the entry. */
    private final Set<Wording> personWordings = new HashSet<>();

    Call(Automaton automaton, String title, String body) {
      this.automaton = automaton;
      this.title = new Field(TextField.TITLE, title == null ? "" : title, 0);
      this.body = new Field(TextField.BODY, body == null ? "" : body, this.title.normalized().length() + 1);
    }

    Tagging run(String language) {
      List<Hit> candidates = new ArrayList<>();
      scan(title, candidates);
      scan(body, candidates);
      List<Hit> actorHits = new ArrayList<>();
      List<Hit> topicHits = new ArrayList<>();
      for (Hit hit : candidates) {
        if (!personWordings.contains(hit.wording()) && holds(hit.wording().condition(), hit) && holds(automaton.entryConditions[hit.wording().entry()], hit)) {
          (entry(hit).isTopic() ? topicHits : actorHits).add(hit);
        }
      }
      List<Tag> actors = tags(leftmostLongest(actorHits));
      List<Tag> topics = mostSpecific(tags(leftmostLongest(topicHits)));
      return new Tagging(actors, topics, automaton.knowledgeBase.version(), automaton.coverage(language));
    }

    private KbEntry entry(Hit hit) {
      return automaton.entries.get(hit.wording().entry());
    }

    private void scan(Field field, List<Hit> candidates) {
      TextNormalizer.Normalized text = field.normalized();
      automaton.trie.parseText(text.folded(), (start, end, wordings) -> {
        if (!TextNormalizer.isWholeWord(text.text(), start, end)) {
          return;
        }
        for (Wording wording : wordings) {
          if (wording.caseSensitive() && !text.text().regionMatches(start, wording.text(), 0, wording.text().length())
              || field.shouting() && wording.isShortCapitals()) {
            continue;
          }
          if (field.name() == TextField.BODY && (wording.alsoFirstName() && PersonNames.followedByName(text.text(), end)
              || wording.alsoSurname() && PersonNames.precededByName(text.text(), start))) {
            personWordings.add(wording);
          }
          Hit hit = new Hit(field, start, end, wording);
          occurrences.computeIfAbsent(wording.key(), k -> new ArrayList<>()).add(hit);
          if (wording.entry() >= 0) {
            candidates.add(hit);
          }
        }
      });
    }

    private boolean holds(CompiledCondition condition, Hit mention) {
      for (CompiledGroup group : condition.requires()) {
        if (!present(group, mention)) {
          return false;
        }
      }
      for (CompiledGroup group : condition.excludes()) {
        if (present(group, mention)) {
          return false;
        }
      }
      return true;
    }

    private boolean present(CompiledGroup group, Hit mention) {
      if (group.window() == TermGroup.WHOLE_ARTICLE) {
        return wholeArticleGroups.computeIfAbsent(group, g -> {
          for (int key : g.keys()) {
            if (occurrences.containsKey(key)) {
              return true;
            }
          }
          return false;
        });
      }
      for (int key : group.keys()) {
        for (Hit occurrence : occurrences.getOrDefault(key, List.of())) {
          if (occurrence.articleStart() <= mention.articleEnd() + group.window()
              && occurrence.articleEnd() >= mention.articleStart() - group.window()) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * Keeps, field by field, the leftmost and then longest of overlapping mentions; mentions of the very same span all stay,
     * and so does a mention inside a kept one whose entry links to it ({@code Japan} in {@code Japan Self-Defense Forces}).
     */
    private List<Hit> leftmostLongest(List<Hit> hits) {
      List<Hit> sorted = new ArrayList<>(hits);
      sorted.sort(Comparator.comparing((Hit h) -> h.field().name())
          .thenComparingInt(Hit::start)
          .thenComparing(Comparator.comparingInt((Hit h) -> h.end() - h.start()).reversed()));
      List<Hit> kept = new ArrayList<>();
      Hit last = null;
      for (Hit hit : sorted) {
        boolean sameSpan = last != null && last.field() == hit.field() && last.start() == hit.start() && last.end() == hit.end();
        boolean free = last == null || last.field() != hit.field() || hit.start() >= last.end();
        boolean linkedInside = last != null && !free && hit.end() <= last.end()
            && automaton.links[last.wording().entry()].contains(hit.wording().entry());
        if (free || sameSpan && hit.wording().entry() != last.wording().entry() || linkedInside) {
          kept.add(hit);
          last = free ? hit : last;
        }
      }
      return kept;
    }

    private List<Tag> tags(List<Hit> hits) {
      Map<Integer, List<Hit>> byEntry = new LinkedHashMap<>();
      for (Hit hit : hits) {
        byEntry.computeIfAbsent(hit.wording().entry(), id -> new ArrayList<>()).add(hit);
      }
      List<Tag> tags = new ArrayList<>();
      for (List<Hit> entryHits : byEntry.values()) {
        entryHits.sort(Comparator.comparing((Hit h) -> h.field().name()).thenComparingInt(Hit::start));
        KbEntry entry = entry(entryHits.getFirst());
        List<Mention> mentions = entryHits.stream().limit(MAX_MENTIONS).map(Hit::mention).toList();
        tags.add(new Tag(entry.id(), entry.name(), entry.type(), entryHits.size(), salience(entryHits), mentions));
      }
      tags.sort(BY_SALIENCE);
      return tags;
    }

    private List<Tag> mostSpecific(List<Tag> topics) {
      Set<String> ancestorsOfTagged = new HashSet<>();
      for (Tag topic : topics) {
        for (int ancestor : automaton.ancestors[automaton.entryIndex.get(topic.id())]) {
          ancestorsOfTagged.add(automaton.entries.get(ancestor).id());
        }
      }
      return topics.stream().filter(topic -> !ancestorsOfTagged.contains(topic.id())).toList();
    }
  }

  /**
   * 0..1: a title mention weighs {@value #TITLE_WEIGHT}; the first body mention up to {@value #LEAD_WEIGHT}, halving every
   * {@value #LEAD_HALF_LIFE} characters from the start of the body (an absolute distance, so the comment threads some
   * sources append do not dilute the lead); repetition up to {@value #FREQUENCY_WEIGHT} at {@value #FULL_FREQUENCY}
   * mentions. Rounded to three decimals so that the same text always gives the same number.
   */
  static double salience(List<Hit> hits) {
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

  /** Turns a condition term into the key its occurrences are recorded under. */
  @FunctionalInterface
  private interface KeyResolver {

    Integer keyOf(String term);
  }

  /** A condition with its terms turned into occurrence keys. */
  private record CompiledCondition(List<CompiledGroup> requires, List<CompiledGroup> excludes) {

    static final CompiledCondition NONE = new CompiledCondition(List.of(), List.of());

    static CompiledCondition of(Condition condition, KeyResolver keys) {
      if (condition.isNone()) {
        return NONE;
      }
      return new CompiledCondition(compile(condition.requires(), keys), compile(condition.excludes(), keys));
    }

    private static List<CompiledGroup> compile(List<TermGroup> groups, KeyResolver keys) {
      return groups.stream()
          .map(g -> new CompiledGroup(g.terms().stream().map(keys::keyOf).mapToInt(Integer::intValue).distinct().toArray(), g.window()))
          .toList();
    }
  }

  /** A term group as occurrence keys; compared by identity, as the cache of whole-article groups needs. */
  private record CompiledGroup(int[] keys, int window) {
  }

  /**
   * One wording to look for.
   *
   * @param text normalised, in its case
   * @param entry index of the entry it names, or {@code -1} for a plain condition term
   * @param key the occurrence key it counts for: the entry's index, or the condition term's key
   * @param condition the alias's own condition ({@link CompiledCondition#NONE} for condition terms)
   */
  record Wording(String text, boolean caseSensitive, int entry, int key, CompiledCondition condition, boolean alsoFirstName,
                 boolean alsoSurname) {

    /** A short all-capitals wording whose case is what tells it ({@code US}, {@code UN}): meaningless in shouted text. */
    boolean isShortCapitals() {
      return caseSensitive && text.length() <= 4 && text.equals(text.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A title or body, with its normalised form.
   *
   * @param offset where the field starts when title and body are read as one text, title first: a window around a title
   *     mention reaches into the lead
   * @param shouting mostly capital letters, as some headlines are: case tells nothing there
   */
  record Field(TextField name, String original, TextNormalizer.Normalized normalized, int offset, boolean shouting) {

    Field(TextField name, String original, int offset) {
      this(name, original, TextNormalizer.normalize(original), offset, isShouting(original));
    }

    private static boolean isShouting(String text) {
      int letters = 0;
      int capitals = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          capitals += Character.isUpperCase(c) ? 1 : 0;
        }
      }
      return letters >= 8 && capitals * 10 >= letters * 7;
    }
  }

  /** A match; {@code [start, end)} are offsets into the normalised text of {@code field}. */
  record Hit(Field field, int start, int end, Wording wording) {

    int articleStart() {
      return field.offset() + start;
    }

    int articleEnd() {
      return field.offset() + end;
    }

    Mention mention() {
      int originalStart = field.normalized().originalStart(start);
      int originalEnd = field.normalized().originalEnd(end);
      return new Mention(field.name(), originalStart, originalEnd, field.original().substring(originalStart, originalEnd));
    }
  }
}
