package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

/**
 * A thing an article can contain, by which rules are indexed: a tag, a word of its title or body, the start of such a word,
 * a word of its source, its language.
 *
 * @param kind where in the article it is looked for
 * @param key the tag id, or the word, prefix or language code as {@link Words} compares it
 */
record Anchor(Kind kind, String key) {

  Anchor {
    requireNonNull(kind, "kind");
    requireNonNull(key, "key");
  }

  enum Kind {
    TAG,
    WORD,
    /** The start of a word of the title or body. */
    PREFIX,
    SOURCE,
    LANGUAGE
  }

  /**
   * A guess at how many articles contain it, in arbitrary units, to pick the anchors that let the fewest rules through:
   * topics are rarer than people and organisations, which are rarer than countries; long words are rarer than short
   * ones, and a prefix is commoner than the word it starts; everything shares a few languages.
   */
  int commonness() {
    return switch (kind) {
      case TAG -> key.startsWith("topic:") ? 1 : key.startsWith("country:") ? 3 : 2;
      case WORD -> Math.max(1, 10 - key.length());
      case PREFIX -> 12 - Math.min(key.length(), 8);
      case SOURCE -> 4;
      case LANGUAGE -> 20;
    };
  }
}
