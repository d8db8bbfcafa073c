package io.newsmonitor.benchmarks;

import io.newsmonitor.alert.matching.Resolution;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.rule.RuleSyntaxException;
import io.newsmonitor.kb.KbEntry;
import io.newsmonitor.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Rules as analysts write them, over the whole knowledge base and words of the given texts (phrases are two words of them,
 * half of them next to each other there; prefixes start their long words). Two mixes:
 *
 * <ul>
 *   <li>{@link #rules}: the matching benchmark's, mostly two tags ({@code Japan + Pillar II}, {@code actor:X + topic:Y}), some
 *       with a phrase, an OR, a NOT, words near each other or a prefix, a few on text, source or language alone;</li>
 *   <li>{@link #subscriptions}: the whole-system benchmark's, narrower, as a monitoring desk's standing subscriptions are: a
 *       country and a topic with a person, an organisation or a second country, a person on a topic, a phrase with an actor,
 *       an OR of neighbours, a NOT, so that an article matches a handful of 10,000 rather than hundreds.</li>
 * </ul>
 */
final class RuleGenerator {

  private final Random random;
  private final TermResolver resolver;
  private final Map<String, List<KbEntry>> byType = new HashMap<>();
  private final List<KbEntry> actors = new ArrayList<>();
  private final List<KbEntry> topics = new ArrayList<>();
  private final List<String[]> wordPairs = new ArrayList<>();
  private final List<String> longWords = new ArrayList<>();

  RuleGenerator(KnowledgeBase knowledgeBase, TermResolver resolver, List<String> texts, Random random) {
    this.random = random;
    this.resolver = resolver;
    for (KbEntry entry : knowledgeBase.entries()) {
      // Only names that a rule can write bare and that resolve back to the entry.
      if (resolvesTo(entry.name(), entry.id())) {
        (entry.isTopic() ? topics : actors).add(entry);
        byType.computeIfAbsent(entry.type(), type -> new ArrayList<>()).add(entry);
      }
    }
    for (String text : texts) {
      String[] words = text.split("[^\\p{L}]+");
      for (int i = 0; i + 1 < words.length; i += 7) {
        if (words[i].length() > 3 && words[i + 1].length() > 3) {
          wordPairs.add(new String[] {words[i].toLowerCase(Locale.ROOT), words[i + 1].toLowerCase(Locale.ROOT)});
        }
        if (words[i].length() >= 8) {
          longWords.add(words[i].toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  private boolean resolvesTo(String name, String id) {
    try {
      ResolvedRule rule = ResolvedRule.of(name, resolver);
      return rule.resolutions().size() == 1 && rule.resolutions().values().iterator().next() instanceof Resolution.Entity entity && entity.id().equals(id);
    } catch (RuleSyntaxException e) {
      return false;
    }
  }

  /** {@code count} rules of the matching benchmark's mix, resolved. */
  List<ResolvedRule> rules(int count) {
    return generate(count, this::matchingRule).stream().map(text -> ResolvedRule.of(text, resolver)).toList();
  }

  /** {@code count} rules of the whole-system benchmark's mix, as written. */
  List<String> subscriptions(int count) {
    return generate(count, this::subscriptionRule);
  }

  private static List<String> generate(int count, Supplier<String> next) {
    List<String> rules = new ArrayList<>(count);
    while (rules.size() < count) {
      rules.add(next.get());
    }
    return rules;
  }

  private String matchingRule() {
    int dice = random.nextInt(1000);
    if (dice < 350) {
      return actor() + " + " + (random.nextBoolean() ? topic() : actor());
    } else if (dice < 550) {
      return "actor:\"" + actor() + "\" + topic:\"" + topic() + "\"";
    } else if (dice < 650) {
      return actor() + " + \"" + String.join(" ", pair()) + "\"";
    } else if (dice < 750) {
      return "(" + actor() + " OR " + actor() + ") + " + topic();
    } else if (dice < 830) {
      return actor() + " + " + topic() + " AND NOT " + actor();
    } else if (dice < 880) {
      String[] pair = pair();
      return "\"" + pair[0] + " " + pair[1] + "\"~10 + " + actor();
    } else if (dice < 930) {
      return prefix() + "* + " + actor();
    } else if (dice < 940) {
      return "\"" + String.join(" ", pair()) + "\"";
    } else if (dice < 975) {
      return "source:reuters + " + actor();
    } else if (dice < 990) {
      return "lang:fr + " + actor();
    } else if (dice < 998) {
      return "title:" + pair()[1] + " + " + actor();
    }
    return "NOT " + actor();
  }

  private String subscriptionRule() {
    int dice = random.nextInt(1000);
    if (dice < 250) {
      return of("country") + " + " + topic() + " + " + (random.nextBoolean() ? of("person") : of("organisation"));
    } else if (dice < 400) {
      return of("country") + " + " + of("country") + " + " + topic();
    } else if (dice < 500) {
      return "actor:\"" + of("person") + "\" + topic:\"" + topic() + "\" + " + of("country");
    } else if (dice < 600) {
      return "(" + of("country") + " OR " + of("country") + ") + " + of("organisation") + " + " + topic();
    } else if (dice < 700) {
      return of("country") + " + " + (random.nextBoolean() ? of("person") : of("organisation")) + " + \"" + String.join(" ", pair()) + "\"";
    } else if (dice < 780) {
      return of("country") + " + " + of("person") + " + " + topic() + " AND NOT " + of("country");
    } else if (dice < 850) {
      String[] pair = pair();
      return "\"" + pair[0] + " " + pair[1] + "\"~10 + " + of("person") + " + " + of("country");
    } else if (dice < 910) {
      return prefix() + "* + " + of("country") + " + " + of("organisation") + " + " + topic();
    } else if (dice < 950) {
      return "source:reuters + " + of("country") + " + " + topic();
    } else if (dice < 980) {
      return "lang:fr + " + of("country") + " + " + topic();
    }
    return "title:" + longWords.get(random.nextInt(longWords.size())) + " + " + of("country");
  }

  private String actor() {
    return actors.get(random.nextInt(actors.size())).name();
  }

  private String topic() {
    return topics.get(random.nextInt(topics.size())).name();
  }

  private String of(String type) {
    List<KbEntry> entries = byType.get(type);
    return entries.get(random.nextInt(entries.size())).name();
  }

  private String prefix() {
    return longWords.get(random.nextInt(longWords.size())).substring(0, 7);
  }

  /** Two words that follow each other in a text, or as often two words of the texts that seldom do. */
  private String[] pair() {
    if (random.nextBoolean()) {
      return wordPairs.get(random.nextInt(wordPairs.size()));
    }
    return new String[] {wordPairs.get(random.nextInt(wordPairs.size()))[0], wordPairs.get(random.nextInt(wordPairs.size()))[1]};
  }
}
