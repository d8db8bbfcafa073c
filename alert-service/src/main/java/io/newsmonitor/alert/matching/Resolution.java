package io.newsmonitor.alert.matching;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.events.TextField;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a leaf of a rule means: an entry of the knowledge base (the article must carry its tag), text (the words must appear
 * in the title or body), or a property of the article.
 */
public sealed interface Resolution
    permits Resolution.Entity, Resolution.Unknown, Resolution.Text, Resolution.Near, Resolution.Prefix, Resolution.Source, Resolution.Language {

  /** How an alert explains the leaf, e.g. {@code actor country:jp (Japan)}, {@code topic topic:aukus-pillar-2 (AUKUS Pillar II)} or {@code text}. */
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

  /** An {@code actor:} or {@code topic:} the knowledge base does not know: it matches no article. */
  record Unknown(String kind) implements Resolution {

    public Unknown {
      requireNonNull(kind, "kind");
    }

    @Override
    public String describe() {
      return "unknown " + kind;
    }
  }

  /**
   * A whole-word, case-insensitive phrase of the article's text.
   *
   * @param phrase the words
   * @param fields where to look: title and body, or the title only ({@code title:})
   */
  record Text(String phrase, Set<TextField> fields) implements Resolution {

    public Text {
      requireNonNull(phrase, "phrase");
      fields = Set.copyOf(fields);
    }

    /** The phrase anywhere in the title or body. */
    public Text(String phrase) {
      this(phrase, EnumSet.allOf(TextField.class));
    }

    @Override
    public String describe() {
      return fields.size() == 1 ? "text in " + fields.iterator().next().name().toLowerCase(Locale.ROOT) : "text";
    }
  }

  /** Words of the title or body, in any order and case, within {@code distance} word positions of each other. */
  record Near(List<String> words, int distance) implements Resolution {

    public Near {
      words = List.copyOf(words);
    }

    @Override
    public String describe() {
      return "words within " + distance;
    }
  }

  /** A word of the title or body that starts with {@code stem}, in any case. */
  record Prefix(String stem) implements Resolution {

    public Prefix {
      requireNonNull(stem, "stem");
    }

    @Override
    public String describe() {
      return "prefix";
    }
  }

  /** The source's name or id contains these words. */
  record Source(String words) implements Resolution {

    public Source {
      requireNonNull(words, "words");
    }

    @Override
    public String describe() {
      return "source";
    }
  }

  /** The article's language is this code ({@code en} also takes {@code en-GB}). */
  record Language(String code) implements Resolution {

    public Language {
      requireNonNull(code, "code");
    }

    @Override
    public String describe() {
      return "language";
    }
  }
}
