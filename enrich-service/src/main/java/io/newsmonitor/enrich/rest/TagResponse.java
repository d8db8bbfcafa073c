package io.newsmonitor.enrich.rest;

import io.newsmonitor.enrich.tagging.LanguageCoverage;
import io.newsmonitor.enrich.tagging.Tagging;
import io.newsmonitor.events.Tag;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the tagger found, as {@code news.articles.enriched} would carry it.
 *
 * @param knowledgeBaseVersion the version of the knowledge base that tagged the text
 * @param language the language given in the request, if any
 * @param languageCoverage whether the knowledge base covers that language
 * @param actors countries, people, organisations, alliances and places, most salient first
 * @param topics topics whose conditions hold, most specific only, most salient first
 */
@Schema(description = "Actors and topics found, with their mentions (offsets into the title or text) and salience")
public record TagResponse(String knowledgeBaseVersion, String language, LanguageCoverage languageCoverage, List<Tag> actors, List<Tag> topics) {

  static TagResponse of(Tagging tagging, String language) {
    return new TagResponse(tagging.knowledgeBaseVersion(), language, tagging.languageCoverage(), tagging.actors(), tagging.topics());
  }
}
