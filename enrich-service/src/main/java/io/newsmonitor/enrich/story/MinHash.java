package io.newsmonitor.enrich.story;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A MinHash signature of a set of shingles: {@link #SIZE} minima under independent hash functions, so that the share of
 * equal positions in two signatures estimates the Jaccard similarity of the two sets (standard error about
 * {@code sqrt(J(1-J)/128)}, 0.04 at 0.5). Its {@link #bandKeys() band keys} are the locality-sensitive hashes that find
 * candidates without comparing an article with every other.
 *
 * <p>The sizes are part of what is stored: changing them changes every signature and key, so they are constants, not
 * configuration.
 */
public final class MinHash {

  /** Hash functions, i.e. values per signature. */
  public static final int SIZE = 128;
  /** LSH banding: {@code BANDS} bands of {@code ROWS} values. */
  public static final int BANDS = 32;
  public static final int ROWS = SIZE / BANDS;

  private static final HashFunction MURMUR = Hashing.murmur3_128();
  /** One seed per hash function, fixed so that signatures stay comparable across instances and releases. */
  private static final long[] SEEDS = seeds(SIZE, 0x2545F4914F6CDD1DL);
  private static final MinHash EMPTY = new MinHash(new int[0]);

  private final int[] values;

  private MinHash(int[] values) {
    this.values = values;
  }

  /** The signature of a set of shingles; an empty set has an empty signature, similar to nothing. */
  public static MinHash of(Collection<String> shingles) {
    if (shingles.isEmpty()) {
      return EMPTY;
    }
    long[] minima = new long[SIZE];
    Arrays.fill(minima, Long.MAX_VALUE);
    for (String shingle : shingles) {
      long hash = MURMUR.hashString(shingle, StandardCharsets.UTF_8).asLong();
      for (int i = 0; i < SIZE; i++) {
        minima[i] = Math.min(minima[i], mix(hash ^ SEEDS[i]));
      }
    }
    int[] values = new int[SIZE];
    for (int i = 0; i < SIZE; i++) {
      // The high half: two different minima agree on it once in 2^32, far below the estimate's own error.
      values[i] = (int) (minima[i] >>> 32);
    }
    return new MinHash(values);
  }

  /** A signature as stored by {@link #values()}. */
  public static MinHash ofValues(int[] values) {
    if (values.length != 0 && values.length != SIZE) {
      throw new IllegalArgumentException("a MinHash has " + SIZE + " values, not " + values.length);
    }
    return values.length == 0 ? EMPTY : new MinHash(values.clone());
  }

  /** The values, to store. */
  public int[] values() {
    return values.clone();
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  /** The estimated Jaccard similarity of the two shingle sets, 0..1; 0 when either is empty. */
  public double similarity(MinHash other) {
    if (isEmpty() || other.isEmpty()) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < SIZE; i++) {
      if (values[i] == other.values[i]) {
        equal++;
      }
    }
    return (double) equal / SIZE;
  }

  /**
   * One key per band, hashing the band's number and values: two signatures share a key with probability
   * {@code 1 - (1 - J^ROWS)^BANDS} — 0.23 at J = 0.3, 0.87 at 0.5, 0.99 at 0.6, so near-duplicates meet and most other pairs
   * never do.
   */
  public long[] bandKeys() {
    if (isEmpty()) {
      return new long[0];
    }
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      Hasher hasher = MURMUR.newHasher().putString("minhash-band", StandardCharsets.UTF_8).putInt(band);
      for (int row = 0; row < ROWS; row++) {
        hasher.putInt(values[band * ROWS + row]);
      }
      keys[band] = hasher.hash().asLong();
    }
    return keys;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinHash other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return isEmpty() ? "MinHash[empty]" : "MinHash[" + values[0] + ", " + values[1] + ", …]";
  }

  /** SplitMix64's sequence: well-spread seeds from one constant. */
  private static long[] seeds(int count, long start) {
    long[] seeds = new long[count];
    long state = start;
    for (int i = 0; i < count; i++) {
      state += 0x9E3779B97F4A7C15L;
      seeds[i] = mix(state);
    }
    return seeds;
  }

  /** MurmurHash3's 64-bit finaliser: XOR with a seed then this gives one hash function of the family per seed. */
  private static long mix(long value) {
    long h = value;
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }
}
