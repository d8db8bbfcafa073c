package io.newsmonitor.benchmarks;

import io.newsmonitor.kb.Alias;
import io.newsmonitor.kb.KbEntry;
import io.newsmonitor.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stream of distinct news articles cut from the seeds, for the whole-system benchmark: each article is a random
 * selection of seed paragraphs (300 to 1,200 words, so that no two are copies of each other), in which most actors the
 * seeds name are replaced by other entries of the knowledge base of the same type (a country by a country, a person by a
 * person), so that articles carry the varied tag mixes of a real feed rather than the seeds' five AUKUS reports again and
 * again. Article {@code n} is the same on every run.
 */
final class NewsStream {

  static final List<String> SOURCES = List.of("Benchmark Wire", "Reuters", "NHK World", "Le Monde", "The Guardian", "Nikkei Asia");
  private static final int MIN_WORDS = 300;
  private static final int MAX_WORDS = 1_200;
  /** Share of the named actors replaced in an article; the rest stay, as the big names of the news do. */
  private static final double REPLACED = 0.75;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");

  /** One article as pushed: its text and the source it claims. */
  record Article(long n, String url, String source, String title, String body) {
  }

  private final List<String> paragraphs;
  /** Each actor the seeds name, with the wordings of it they use. */
  private final Map<KbEntry, List<Alias>> named = new LinkedHashMap<>();
  private final Map<String, List<KbEntry>> entriesByType;
  private final Pattern mention;
  /** Which actor a wording in the text names: its exact text for case-sensitive wordings, lower-cased for the others. */
  private final Map<String, KbEntry> byWording = new HashMap<>();

  NewsStream(SeedTemplates seeds, KnowledgeBase knowledgeBase) {
    this.paragraphs = seeds.allParagraphs();
    String text = String.join("\n", paragraphs);
    this.entriesByType = knowledgeBase.entries().stream().filter(entry -> !entry.isTopic()).collect(Collectors.groupingBy(KbEntry::type));
    List<Alias> present = new ArrayList<>();
    for (KbEntry entry : knowledgeBase.entries()) {
      if (entry.isTopic()) {
        continue;
      }
      for (Alias alias : entry.aliases()) {
        // Short wordings that ignore case ("us" for US) would replace common words; written as they are (US, UK) they are safe.
        if ((alias.text().length() >= 4 || alias.caseSensitive()) && wording(alias).matcher(text).find() && byWording.putIfAbsent(key(alias.text(), alias.caseSensitive()), entry) == null) {
          named.computeIfAbsent(entry, e -> new ArrayList<>()).add(alias);
          present.add(alias);
        }
      }
    }
    // Longest first, so that "Prime Minister Fumio Kishida" is replaced whole rather than as "Kishida".
    this.mention = Pattern.compile(present.stream()
        .sorted(Comparator.comparingInt((Alias alias) -> alias.text().length()).reversed())
        .map(alias -> (alias.caseSensitive() ? "(?:" : "(?iu:") + Pattern.quote(alias.text()) + ")")
        .collect(Collectors.joining("|", "(?<![\\p{L}\\p{N}])(?:", ")(?![\\p{L}\\p{N}])")));
  }

  /** How many of the knowledge base's actors the seeds name (and so the articles vary). */
  int actorsNamed() {
    return named.size();
  }

  Article article(long n) {
    Random random = new Random(n * 0x9E3779B97F4A7C15L);
    int target = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
    List<String> chosen = new ArrayList<>();
    int words = 0;
    while (words < target) {
      String paragraph = paragraphs.get(random.nextInt(paragraphs.size()));
      chosen.add(paragraph);
      words += paragraph.split("\\s+").length;
    }
    Map<KbEntry, KbEntry> replacement = new HashMap<>();
    for (KbEntry actor : named.keySet()) {
      if (random.nextDouble() < REPLACED) {
        List<KbEntry> sameType = entriesByType.get(actor.type());
        replacement.put(actor, sameType.get(random.nextInt(sameType.size())));
      }
    }
    String body = replace(String.join("\n\n", chosen), replacement);
    String[] lead = SENTENCE_END.split(body.strip(), 2);
    String title = String.join(" ", List.of(lead[0].split("\\s+")).subList(0, Math.min(14, lead[0].split("\\s+").length)));
    String source = SOURCES.get(random.nextInt(SOURCES.size()));
    return new Article(n, "https://" + source.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example.org/news/" + n, source, title, body);
  }

  private String replace(String text, Map<KbEntry, KbEntry> replacement) {
    Matcher matcher = mention.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      String found = matcher.group();
      KbEntry actor = byWording.get(key(found, true));
      if (actor == null) {
        actor = byWording.get(key(found, false));
      }
      KbEntry other = actor == null ? null : replacement.get(actor);
      matcher.appendReplacement(out, Matcher.quoteReplacement(other == null ? found : other.name()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Pattern wording(Alias alias) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(alias.text()) + "(?![\\p{L}\\p{N}])",
        alias.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String key(String wording, boolean caseSensitive) {
    return caseSensitive ? "=" + wording : "~" + wording.toLowerCase(Locale.ROOT);
  }
}
