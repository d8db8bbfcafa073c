package io.newsmonitor.systemtests.faults;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Articles whose alerts are known in advance: each story has a subject of its own (words drawn at random from a neutral
 * vocabulary that names nothing the knowledge base knows) and names one or two countries, so it is tagged with those
 * countries only and shares neither text nor tags with any other story. A quarter of the stories are reported a second
 * time, word for word, by another source under another URL: a copy that must join its story and raise no alert of its own.
 */
final class GeneratedNews {

  /** Countries the stories name; the subscriptions follow all but the last, whose stories alert nobody. */
  static final List<String> COUNTRIES = List.of("Japan", "France", "Brazil", "Kenya", "Norway");
  static final List<String> SUBSCRIBED = COUNTRIES.subList(0, COUNTRIES.size() - 1);

  private static final double COPIED = 0.25;
  private static final int COPY_DELAY_MAX = 8;
  private static final List<String> WORDS = List.of(
      "orchard", "harbour", "lantern", "meadow", "pottery", "choir", "bakery", "ferry", "garden", "library", "quilt", "violin",
      "bicycle", "chestnut", "pebble", "willow", "marble", "saddle", "kettle", "granary", "mosaic", "pavilion", "tapestry",
      "windmill", "lighthouse", "beehive", "cobbler", "carousel", "greenhouse", "bandstand", "boathouse", "fountain", "hedgerow",
      "millstone", "scarecrow", "sundial", "teahouse", "vineyard", "weathervane", "almanac", "apricot", "barley", "bramble",
      "candle", "clover", "cottage", "cradle", "daisy", "dovecote", "fiddle", "flagstone", "hazel", "hayloft", "juniper",
      "lavender", "linen", "maple", "mulberry", "nutmeg", "oatmeal", "paddock", "parsley", "pinecone", "plum", "porch", "rosemary",
      "rowboat", "saffron", "sparrow", "spindle", "straw", "thimble", "thistle", "trellis", "tulip", "walnut", "wicker", "acorn",
      "anchor", "banjo", "basket", "button", "canoe", "cider", "cushion", "doorbell", "easel", "feather", "gravel", "hammock",
      "inkwell", "jigsaw", "kite", "ladder", "mitten", "notebook", "pancake", "puddle", "ribbon", "sandal", "teapot", "umbrella");
  private static final List<String> VERBS = List.of(
      "repaired", "painted", "measured", "polished", "rebuilt", "decorated", "counted", "swept", "moved", "planted", "restored",
      "weighed", "folded", "washed", "sorted", "tuned", "stitched", "carved", "mended", "varnished");
  private static final List<String> PEOPLE = List.of(
      "volunteers", "neighbours", "craftspeople", "pupils", "gardeners", "bakers", "carpenters", "musicians", "keepers", "weavers");

  /** One story: its original and, when it has one, its copy carry the same title, body and countries. */
  record Story(int number, String title, String body, Set<String> countries, String published) {
  }

  /** One article to push: the story it reports, as its original or as a copy from another source. */
  record Article(Story story, boolean copy) {

    String url() {
      return (copy ? "https://wire.example.net/copies/" : "https://news.example.org/stories/") + story.number();
    }

    String source() {
      return copy ? "Example Wire" : "Example News";
    }
  }

  private final Random random;
  private final Deque<PendingCopy> copies = new ArrayDeque<>();
  private int stories;
  private int articles;

  private record PendingCopy(Story story, int dueAt) {
  }

  GeneratedNews(long seed) {
    this.random = new Random(seed);
  }

  /** The next article: a copy when one is due, else a new story (and maybe a copy of it a few articles later). */
  Article next() {
    articles++;
    if (!copies.isEmpty() && copies.peekFirst().dueAt() <= articles) {
      return new Article(copies.pollFirst().story(), true);
    }
    Story story = story(++stories);
    if (random.nextDouble() < COPIED) {
      copies.addLast(new PendingCopy(story, articles + 1 + random.nextInt(COPY_DELAY_MAX)));
    }
    return new Article(story, false);
  }

  /** The copies promised but not sent yet: to send after the last {@link #next()}, so that every copied story has its copy. */
  List<Article> remainingCopies() {
    List<Article> remaining = new ArrayList<>();
    while (!copies.isEmpty()) {
      remaining.add(new Article(copies.pollFirst().story(), true));
    }
    return remaining;
  }

  private Story story(int number) {
    List<String> countries = new ArrayList<>(COUNTRIES);
    Collections.shuffle(countries, random);
    Set<String> named = Set.copyOf(countries.subList(0, 1 + random.nextInt(2)));
    String first = countries.getFirst();
    String subject = word() + " " + word() + " " + word();
    String title = first + ": " + pick(PEOPLE) + " " + pick(VERBS) + " the " + subject + " number " + number;
    StringBuilder body = new StringBuilder();
    body.append("In ").append(first).append(", ").append(pick(PEOPLE)).append(" ").append(pick(VERBS)).append(" the ").append(subject)
        .append(" on the morning of case ").append(number).append(". ");
    for (int sentence = 0; sentence < 5; sentence++) {
      body.append(sentence());
    }
    if (named.size() > 1) {
      String second = named.stream().filter(country -> !country.equals(first)).findFirst().orElseThrow();
      body.append("Similar ").append(pick(PEOPLE)).append(" from ").append(second).append(" ").append(pick(VERBS)).append(" a ").append(word())
          .append(" and a ").append(word()).append(" the same week. ");
    }
    body.append(sentence());
    // Dated now: a story's copy, pushed seconds later, falls well within the window in which stories are joined.
    String published = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return new Story(number, title, body.toString().strip(), named, published);
  }

  private String sentence() {
    StringBuilder sentence = new StringBuilder("The ").append(pick(PEOPLE)).append(" ").append(pick(VERBS));
    int objects = 3 + random.nextInt(4);
    for (int i = 0; i < objects; i++) {
      sentence.append(i == 0 ? " the " : i == objects - 1 ? " and the " : ", the ").append(word());
    }
    return sentence.append(" near the ").append(word()).append(". ").toString();
  }

  private String word() {
    return pick(WORDS);
  }

  private String pick(List<String> words) {
    return words.get(random.nextInt(words.size()));
  }
}
