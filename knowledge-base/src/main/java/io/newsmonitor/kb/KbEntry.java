package io.newsmonitor.kb;

import static java.util.Objects.requireNonNull;

import java.util.List;

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
 * @param contextTerms for topics: at least one must appear in an article for the topic to be tagged ("Pillar Two" alone is
 *     also the OECD global minimum tax). A term that is an entry id is satisfied by any wording of that entry; any other
 *     term is a word or phrase matched like a case-insensitive alias. Empty: no condition.
 */
public record KbEntry(String id, String type, String name, List<Alias> aliases, List<String> links, List<String> contextTerms) {

  /** The entry types the knowledge base knows; the same as a tag's type in the events contract. */
  public static final List<String> TYPES = List.of("country", "person", "organisation", "alliance", "place", "topic");

  public KbEntry {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    links = List.copyOf(links);
    contextTerms = List.copyOf(contextTerms);
  }

  /** True for topics of the taxonomy; false for actors (countries, people, organisations, alliances, places). */
  public boolean isTopic() {
    return "topic".equals(type);
  }
}
