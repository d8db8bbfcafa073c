package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.alert.rule.Rule;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An enriched article read once for matching against many rules: its tag ids, the words of its title and body, of its
 * source and its language, so that a rule's leaves are looked up instead of searched for, and each leaf meaning is
 * evaluated at most once however many rules share it. Not thread-safe: one per article and thread.
 */
public final class PreparedArticle {

  /** What separates the words of a phrase in {@link TextSearch#phrase}: {@code [\s\u00A0]}. */
  private static final String PHRASE_SPACE_CHARS = " \t\n\u000B\f\r\u00A0";
  private static final Pattern PHRASE_SPACE = Pattern.compile("[\\s\\u00A0]+");
  private static final int SCANNED_PREFIXES = 8;

  private final ArticleEnriched article;
  private final Set<String> tagIds = new HashSet<>();
  /** Words of the title and body in both forms of {@link Words}. */
  private final Set<String> words = new HashSet<>();
  /** The same words folded only: the ones a prefix may start. */
  private final Set<String> foldedWords = new HashSet<>();
  /** The folded words of the title then the body, in order, and where the body's begin: where a phrase may be. */
  private final List<String> sequence = new ArrayList<>();
  private final int bodyStart;
  /** The same words lower-cased, as words near each other are compared. */
  private final List<String> lowered = new ArrayList<>();
  /** Start and end offsets of each word of {@link #sequence} in its field. */
  private int[] offsets = new int[256];
  /** Where each folded word is in {@link #sequence}; built for the first phrase looked for. */
  private Map<String, List<Integer>> positions;
  /** The distinct folded words, sorted for the first prefix looked for. */
  private String[] sortedWords;
  /** Where each lower-cased word is in {@link #lowered}; built for the first near words looked for. */
  private Map<String, List<Integer>> loweredPositions;
  /** Whether a word's lower-cased form differs from its folded one; if none does, the two position maps are one. */
  private boolean someWordLowersApart;
  /** Prefixes looked up so far: a few are cheaper by scanning the words than by sorting them. */
  private int prefixLookups;
  private final Set<String> sourceWords = new HashSet<>();
  private final Set<String> languageKeys = new HashSet<>();
  /** What each leaf meaning gave; by identity, as the index compiles equal meanings into one instance. */
  private final Map<Resolution, Boolean> outcomes = new IdentityHashMap<>();

  private PreparedArticle(ArticleEnriched article) {
    this.article = requireNonNull(article, "article");
    for (List<Tag> tags : List.of(article.actors(), article.topics())) {
      tags.forEach(tag -> tagIds.add(tag.id()));
    }
    addWords(article.article().title());
    bodyStart = sequence.size();
    addWords(article.article().body());
    SourceRef source = article.article().source();
    if (source != null) {
      Words.forEach(source.name(), word -> sourceWords.add(Words.fold(word)));
      Words.forEach(source.id(), word -> sourceWords.add(Words.fold(word)));
    }
    String language = article.article().language();
    if (language != null) {
      languageKeys.add(Words.fold(language));
      String lower = Words.lower(language);
      languageKeys.add(lower);
      // lang:en takes en-GB: every part of the code before a dash is a key as well.
      for (int dash = lower.indexOf('-'); dash >= 0; dash = lower.indexOf('-', dash + 1)) {
        languageKeys.add(lower.substring(0, dash));
      }
    }
  }

  private void addWords(String text) {
    Words.forEachSpan(text, (start, end) -> {
      String word = text.substring(start, end);
      String folded = Words.fold(word);
      if (offsets.length < 2 * sequence.size() + 2) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[2 * sequence.size()] = start;
      offsets[2 * sequence.size() + 1] = end;
      // Both forms are the same for most words: the set then holds one.
      String lower = Words.isAscii(word) ? folded : Words.lower(word);
      if (!lower.equals(folded)) {
        someWordLowersApart = true;
        words.add(lower);
      }
      sequence.add(folded);
      lowered.add(lower);
      foldedWords.add(folded);
      words.add(folded);
    });
  }

  public static PreparedArticle of(ArticleEnriched article) {
    return new PreparedArticle(article);
  }

  boolean hasTag(String id) {
    return tagIds.contains(id);
  }

  /**
   * Whether a leaf with this meaning matches. Tags, phrases of whole words, prefixes of a word and words near each other
   * are decided from the article's words; other leaves (a phrase or prefix with punctuation, source, language) are left
   * to the evaluator once the words they need are present.
   *
   * @param phraseWords for a phrase, its {@link #wholeWords}, worked out once per rule rather than per article
   */
  boolean matches(Rule.Leaf leaf, Resolution resolution, List<String> phraseWords) {
    if (resolution instanceof Resolution.Entity entity) {
      return hasTag(entity.id());
    }
    Boolean known = outcomes.get(resolution);
    if (known == null) {
      known = decide(leaf, resolution, phraseWords);
      outcomes.put(resolution, known);
    }
    return known;
  }

  private boolean decide(Rule.Leaf leaf, Resolution resolution, List<String> phraseWords) {
    if (!Anchors.of(resolution).map(this::containsAny).orElse(true)) {
      return false;
    }
    return switch (resolution) {
      case Resolution.Text text when phraseWords != null -> hasPhrase(phraseWords, text.fields());
      case Resolution.Prefix prefix when Words.isOneWord(prefix.stem().strip()) -> startsAWord(Words.fold(prefix.stem().strip()));
      case Resolution.Near near -> hasEveryWord(near) && isNear(near);
      default -> RuleEvaluator.evaluate(new ResolvedRule(leaf.display(), leaf, Map.of(leaf, resolution)), article).matched();
    };
  }

  /** The folded words of a phrase split as {@link TextSearch#phrase} splits it, or null when one of them holds punctuation. */
  static List<String> wholeWords(String phrase) {
    List<String> folded = new ArrayList<>();
    for (String word : PHRASE_SPACE.split(phrase.strip())) {
      if (!Words.isOneWord(word)) {
        return null;
      }
      folded.add(Words.fold(word));
    }
    return folded;
  }

  /**
   * Whether the words follow each other in one of the fields with only white space between them: that is where the
   * phrase's regex matches, since each of its words is then a whole word of the text.
   */
  private boolean hasPhrase(List<String> phrase, Set<TextField> fields) {
    for (int first : positions().getOrDefault(phrase.getFirst(), List.of())) {
      boolean inTitle = first < bodyStart;
      int last = first + phrase.size() - 1;
      if (fields.contains(inTitle ? TextField.TITLE : TextField.BODY) && last < (inTitle ? bodyStart : sequence.size())
          && sequence.subList(first, last + 1).equals(phrase) && onlySpaceBetween(inTitle ? article.article().title() : article.article().body(), first, last)) {
        return true;
      }
    }
    return false;
  }

  private boolean onlySpaceBetween(String text, int first, int last) {
    for (int word = first; word < last; word++) {
      for (int i = offsets[2 * word + 1]; i < offsets[2 * (word + 1)]; i++) {
        if (PHRASE_SPACE_CHARS.indexOf(text.charAt(i)) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean startsAWord(String foldedStem) {
    if (sortedWords == null && ++prefixLookups <= SCANNED_PREFIXES) {
      for (String word : foldedWords) {
        if (word.startsWith(foldedStem)) {
          return true;
        }
      }
      return false;
    }
    if (sortedWords == null) {
      sortedWords = foldedWords.toArray(String[]::new);
      Arrays.sort(sortedWords);
    }
    // The words that start with the stem sort right after it (or are it).
    int at = Arrays.binarySearch(sortedWords, foldedStem);
    int next = at >= 0 ? at : -at - 1;
    return next < sortedWords.length && sortedWords[next].startsWith(foldedStem);
  }

  private boolean isNear(Resolution.Near near) {
    if (loweredPositions == null) {
      loweredPositions = someWordLowersApart ? positionsOf(lowered) : positions();
    }
    // near() skips every word it does not want: it is given the wanted ones only, with their positions.
    List<Integer> found = new ArrayList<>();
    for (String word : near.words()) {
      Words.forEach(word, run -> found.addAll(loweredPositions.getOrDefault(Words.lower(run), List.of())));
    }
    List<TextSearch.Word> title = new ArrayList<>();
    List<TextSearch.Word> body = new ArrayList<>();
    found.stream().distinct().sorted().forEach(word -> (word < bodyStart ? title : body)
        .add(new TextSearch.Word(lowered.get(word), word, offsets[2 * word], offsets[2 * word + 1])));
    return !TextSearch.near(near.words(), near.distance(), title, 1).isEmpty() || !TextSearch.near(near.words(), near.distance(), body, 1).isEmpty();
  }

  /** Words near each other must all be in the text. */
  private boolean hasEveryWord(Resolution.Near near) {
    for (String word : near.words()) {
      List<String> runs = new ArrayList<>();
      Words.forEach(word, runs::add);
      for (String run : runs) {
        if (!words.contains(Words.lower(run))) {
          return false;
        }
      }
    }
    return true;
  }

  private Map<String, List<Integer>> positions() {
    if (positions == null) {
      positions = positionsOf(sequence);
    }
    return positions;
  }

  private static Map<String, List<Integer>> positionsOf(List<String> words) {
    Map<String, List<Integer>> positions = new HashMap<>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      positions.computeIfAbsent(words.get(i), word -> new ArrayList<>(2)).add(i);
    }
    return positions;
  }

  private boolean containsAny(Set<Anchor> anchors) {
    for (Anchor anchor : anchors) {
      if (contains(anchor)) {
        return true;
      }
    }
    return false;
  }

  private boolean contains(Anchor anchor) {
    return switch (anchor.kind()) {
      case TAG -> tagIds.contains(anchor.key());
      case WORD -> words.contains(anchor.key());
      case PREFIX -> startsAWord(anchor.key());
      case SOURCE -> sourceWords.contains(anchor.key());
      case LANGUAGE -> languageKeys.contains(anchor.key());
    };
  }

  Set<String> tagIds() {
    return tagIds;
  }

  Set<String> words() {
    return words;
  }

  Set<String> foldedWords() {
    return foldedWords;
  }

  Set<String> sourceWords() {
    return sourceWords;
  }

  Set<String> languageKeys() {
    return languageKeys;
  }
}
