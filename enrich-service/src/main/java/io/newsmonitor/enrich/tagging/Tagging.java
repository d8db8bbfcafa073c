package io.newsmonitor.enrich.tagging;

import io.newsmonitor.events.Tag;
import java.util.List;

/**
 * What the {@link Tagger} found in one article.
 *
 * @param actors countries, people, organisations, alliances and places, most salient first
 * @param topics topics whose context condition holds, most salient first
 */
public record Tagging(List<Tag> actors, List<Tag> topics) {

  public Tagging {
    actors = List.copyOf(actors);
    topics = List.copyOf(topics);
  }
}
