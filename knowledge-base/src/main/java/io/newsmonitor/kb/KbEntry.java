package io.newsmonitor.kb;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An entity or topic of the knowledge base.
 *
 * @param id canonical id, {@code <type>:<slug>}, e.g. {@code country:jp}, {@code person:fumio-kishida},
 *     {@code topic:aukus-pillar-2}
 * @param type {@code country}, {@code person}, {@code organisation}, {@code alliance}, {@code place} or {@code topic}
 * @param name canonical name, e.g. {@code Japan}
 * @param aliases every wording that names the entry; always includes the canonical name
 * @param links ids of related entries: a person's country (Fumio Kishida → Japan), a country's alliances (Japan → Quad), an
 *     alliance's members (AUKUS → Australia, United Kingdom, United States)
 * @param parent id of the broader entry in the topic hierarchy ({@code topic:aukus-pillar-2} → {@code alliance:aukus}), or
 *     {@code null}; a parent is never tagged because its child is
 * @param condition when any wording of this entry counts as a mention ({@link Condition#NONE} for most entries)
 */
public record KbEntry(String id, String type, String name, List<Alias> aliases, List<String> links, String parent, Condition condition) {

  /** The entry types the knowledge base knows; the same as a tag's type in the events contract. */
  public static final List<String> TYPES = List.of("country", "person", "organisation", "alliance", "place", "topic");

  public KbEntry {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    requireNonNull(condition, "condition");
    aliases = List.copyOf(aliases);
    links = List.copyOf(links);
  }

  /** An entry without parent or condition. */
  public KbEntry(String id, String type, String name, List<Alias> aliases, List<String> links) {
    this(id, type, name, aliases, links, null, Condition.NONE);
  }

  /** True for topics of the taxonomy; false for actors (countries, people, organisations, alliances, places). */
  public boolean isTopic() {
    return "topic".equals(type);
  }

  /** The broader entry's id, if any. */
  public Optional<String> parentId() {
    return Optional.ofNullable(parent);
  }

  /** True when some wording of this entry only counts under a condition (its own or the entry's). */
  boolean isConditional(Alias alias) {
    return !condition.isNone() || alias.isGuarded();
  }
}
