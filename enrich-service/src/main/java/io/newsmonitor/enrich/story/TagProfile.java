package io.newsmonitor.enrich.story;

import com.google.common.hash.Hashing;
import io.newsmonitor.events.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * An article's actors and topics, each weighted by its salience, countries less: the same few countries appear in most
 * international news, so sharing them says less about the event than sharing a person, an organisation or a topic.
 *
 * @param weights tag id to weight, in id order
 */
public record TagProfile(SortedMap<String, Double> weights) {

  /** Type of the tags weighted by {@code countryWeight}. */
  static final String COUNTRY = "country";

  public TagProfile {
    weights = new TreeMap<>(weights);
  }

  /** The profile of an article's tags, a country's salience multiplied by {@code countryWeight}. */
  public static TagProfile of(Collection<Tag> tags, double countryWeight) {
    SortedMap<String, Double> weights = new TreeMap<>();
    for (Tag tag : tags) {
      double weight = tag.salience() * (COUNTRY.equals(tag.type()) ? countryWeight : 1.0);
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

  /** Weighted Jaccard similarity, 0..1: the {@link #sharedWeight(TagProfile) shared weight} over the sum of the larger weights of each tag. */
  public double similarity(TagProfile other) {
    TreeMap<String, Double> union = new TreeMap<>(weights);
    other.weights.forEach((id, weight) -> union.merge(id, weight, Math::max));
    double total = union.values().stream().mapToDouble(Double::doubleValue).sum();
    return total == 0 ? 0 : sharedWeight(other) / total;
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

  /**
   * One key per pair of the {@code salient} heaviest tags: articles about the same event share at least two of their
   * main actors and topics, and a pair is far more selective than a single tag ("United States" alone would make half
   * the news candidates). None when fewer than two tags.
   */
  public long[] pairKeys(int salient) {
    String[] top = weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(salient)
        .map(Map.Entry::getKey)
        .sorted(Comparator.naturalOrder())
        .toArray(String[]::new);
    LongStream.Builder keys = LongStream.builder();
    for (int i = 0; i < top.length; i++) {
      for (int j = i + 1; j < top.length; j++) {
        keys.add(Hashing.murmur3_128().newHasher()
            .putString("tag-pair", StandardCharsets.UTF_8)
            .putString(top[i], StandardCharsets.UTF_8).putChar('\n')
            .putString(top[j], StandardCharsets.UTF_8)
            .hash().asLong());
      }
    }
    return keys.build().toArray();
  }
}
