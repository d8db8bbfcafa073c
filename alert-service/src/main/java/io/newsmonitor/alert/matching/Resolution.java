package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

/**
 * What a rule term means: an entry of the knowledge base (the article must carry its tag) or text (the words must appear in
 * the title or body).
 *
 * @see Entity
 * @see Text
 */
public sealed interface Resolution permits Resolution.Entity, Resolution.Text {

  /** How an alert explains the term, e.g. {@code actor country:jp (Japan)}, {@code topic topic:aukus-pillar-2 (AUKUS Pillar II)} or {@code text}. */
  String describe();

  /**
   * An actor or topic of the knowledge base.
   *
   * @param id e.g. {@code country:jp}
   * @param name canonical name, e.g. {@code Japan}
   * @param topic true for a topic of the taxonomy, false for an actor
   */
  record Entity(String id, String name, boolean topic) implements Resolution {

    public Entity {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return (topic ? "topic " : "actor ") + id + " (" + name + ")";
    }
  }

  /** A whole-word, case-insensitive phrase of the title or body. */
  record Text(String phrase) implements Resolution {

    public Text {
      requireNonNull(phrase, "phrase");
    }

    @Override
    public String describe() {
      return "text";
    }
  }
}
