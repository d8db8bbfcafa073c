package io.newsmonitor.events;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An actor or topic of the knowledge base found in an article.
 *
 * @param id canonical id in the knowledge base, e.g. {@code country:jp} or {@code topic:aukus-pillar-2}
 * @param name canonical name, e.g. {@code Japan}
 * @param type {@code country}, {@code person}, {@code organisation}, {@code alliance}, {@code place} or {@code topic}
 * @param mentionCount how often it is mentioned in title and body
 * @param salience 0..1: title and lead count more than a passing mention at the end
 * @param mentions the first mentions, in text order
 */
public record Tag(String id, String name, String type, int mentionCount, double salience, List<Mention> mentions) {

  public Tag {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    mentions = List.copyOf(mentions);
  }
}
