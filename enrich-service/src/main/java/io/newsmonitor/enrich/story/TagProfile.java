package io.newsmonitor.enrich.story;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.newsmonitor.events.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * An article's actors and topics, each weighted by its salience times the weight of its type: the same few countries are
 * in most international news, regions such as the Indo-Pacific in much of it, and the organisations include the news
 * agencies an article cites, so sharing those says less about the event than sharing a person, an alliance or a topic.
 *
 * @param weights tag id to weight, in id order
 */
public record TagProfile(SortedMap<String, Double> weights) {

  /** Tag ids are {@code <type>:<slug>} (the knowledge base's id contract). */
  private static final String COUNTRY_PREFIX = "country:";
  /** How many of the heaviest tags give single-tag keys, and how many give pair keys. */
  private static final int SINGLE_KEY_TAGS = 3;

  public TagProfile {
    weights = new TreeMap<>(weights);
  }

  /** The profile of an article's tags: salience times the weight of the tag's type in {@code typeWeights}, 1 for others. */
  public static TagProfile of(Collection<Tag> tags, Map<String, Double> typeWeights) {
    SortedMap<String, Double> weights = new TreeMap<>();
    for (Tag tag : tags) {
      double weight = tag.salience() * typeWeights.getOrDefault(tag.type(), 1.0);
      if (weight > 0) {
        weights.merge(tag.id(), weight, Math::max);
      }
    }
    return new TagProfile(weights);
  }

  /** A profile as stored: ids and weights in the same order. */
  public static TagProfile of(String[] ids, double[] weights) {
    if (ids.length != weights.length) {
      throw new IllegalArgumentException(ids.length + " tag ids but " + weights.length + " weights");
    }
    SortedMap<String, Double> map = new TreeMap<>();
    for (int i = 0; i < ids.length; i++) {
      map.put(ids[i], weights[i]);
    }
    return new TagProfile(map);
  }

  public String[] ids() {
    return weights.keySet().toArray(String[]::new);
  }

  public double[] weightValues() {
    return weights.values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Cosine similarity of the weights, 0..1. Cosine rather than a weighted Jaccard: it is carried by the heavy tags, so the
   * long tail of passing mentions (a richer knowledge base, a reader-comment thread) moves it little.
   */
  public double similarity(TagProfile other) {
    double dot = 0;
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      dot += entry.getValue() * other.weights.getOrDefault(entry.getKey(), 0.0);
    }
    double norms = norm() * other.norm();
    return norms == 0 ? 0 : dot / norms;
  }

  /**
   * The weight the two profiles have in common: the sum of the smaller weight of each tag. Similarity alone is a ratio, so
   * two articles tagged only "Russia" and "Ukraine" in passing are as similar as two reports of one event; this says how
   * much evidence the ratio rests on.
   */
  public double sharedWeight(TagProfile other) {
    double shared = 0;
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      shared += Math.min(entry.getValue(), other.weights.getOrDefault(entry.getKey(), 0.0));
    }
    return shared;
  }

  /** How many tags the two profiles have in common. */
  public int sharedCount(TagProfile other) {
    return (int) weights.keySet().stream().filter(other.weights::containsKey).count();
  }

  /**
   * The keys under which articles about the same actors and topics find each other: one per tag other than a country among
   * the 3 heaviest (the subject of the article: an alliance, a person, a topic), and one per pair of the {@code salient}
   * heaviest (for articles whose subject is a few countries, where a pair is far more selective than "United States"
   * alone). None for an article without tags.
   */
  public long[] keys(int salient) {
    List<String> heaviest = weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(Math.max(salient, SINGLE_KEY_TAGS))
        .map(Map.Entry::getKey)
        .toList();
    LongStream.Builder keys = LongStream.builder();
    heaviest.stream().limit(SINGLE_KEY_TAGS).filter(id -> !id.startsWith(COUNTRY_PREFIX)).forEach(id -> keys.add(key("tag", id)));
    List<String> pairable = heaviest.stream().limit(salient).sorted().toList();
    for (int i = 0; i < pairable.size(); i++) {
      for (int j = i + 1; j < pairable.size(); j++) {
        keys.add(key("tag-pair", pairable.get(i), pairable.get(j)));
      }
    }
    return keys.build().toArray();
  }

  private double norm() {
    return Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
  }

  private static long key(String kind, String... ids) {
    Hasher hasher = Hashing.murmur3_128().newHasher().putString(kind, StandardCharsets.UTF_8);
    for (String id : ids) {
      hasher.putChar('\n').putString(id, StandardCharsets.UTF_8);
    }
    return hasher.hash().asLong();
  }
}
