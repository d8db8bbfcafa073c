package io.newsmonitor.enrich.story;

import io.newsmonitor.enrich.tagging.Tagging;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * What a story is recognised by in an article: its wording ({@link MinHash} of its shingles) and its tags.
 *
 * @param text signature of the normalised title and body
 * @param tags weighted actors and topics
 */
public record Fingerprint(MinHash text, TagProfile tags) {

  /** The fingerprint of an article and its tagging. */
  public static Fingerprint of(String title, String body, Tagging tagging, StoryRule rule) {
    return new Fingerprint(MinHash.of(Shingles.of(title, body)),
        TagProfile.of(Stream.concat(tagging.actors().stream(), tagging.topics().stream()).toList(), rule.typeWeights()));
  }

  /**
   * The LSH keys under which the article is found and finds its candidates, sorted and distinct: the MinHash bands
   * (near-duplicates) and its salient tags (rewrites of the same event, which share few shingles).
   */
  public long[] keys(StoryRule rule) {
    return LongStream.concat(LongStream.of(text.bandKeys()), LongStream.of(tags.keys(rule.salientTags()))).sorted().distinct().toArray();
  }

  /** How alike two articles are. */
  public Similarity compare(Fingerprint other) {
    return new Similarity(text.similarity(other.text), tags.similarity(other.tags), tags.sharedWeight(other.tags), tags.sharedCount(other.tags));
  }
}
