package io.newsmonitor.systemtests.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerts one place received (the webhook, {@code news.alerts} or the inbox), per (subscription, story), against the pairs
 * expected: missing pairs, pairs with more than one distinct alert, pairs nobody expected.
 *
 * @param records what was counted, duplicates included (POSTs answered 2xx, topic records, inbox items)
 */
record Tally(String place, int records, Map<Pair, Set<String>> alertsByPair, Set<Pair> expected) {

  /** A subscription and a story of the generated news (by its number, whatever story id enrich-service gave it). */
  record Pair(String subscriptionId, int story) implements Comparable<Pair> {

    @Override
    public int compareTo(Pair other) {
      int bySubscription = subscriptionId.compareTo(other.subscriptionId);
      return bySubscription != 0 ? bySubscription : Integer.compare(story, other.story);
    }
  }

  /** Collects alerts as (alert id, pair) one at a time. */
  static final class Builder {

    private final String place;
    private final Set<Pair> expected;
    private final Map<Pair, Set<String>> alertsByPair = new HashMap<>();
    private int records;

    Builder(String place, Set<Pair> expected) {
      this.place = place;
      this.expected = expected;
    }

    Builder add(String alertId, Pair pair) {
      records++;
      alertsByPair.computeIfAbsent(pair, key -> new HashSet<>()).add(alertId);
      return this;
    }

    Tally build() {
      return new Tally(place, records, Map.copyOf(alertsByPair), Set.copyOf(expected));
    }
  }

  int distinctAlerts() {
    return alertsByPair.values().stream().mapToInt(Set::size).sum();
  }

  /** Records beyond the first of each alert: the same alert delivered again, which its id lets a consumer drop. */
  int duplicateRecords() {
    return records - distinctAlerts();
  }

  Set<Pair> missing() {
    Set<Pair> missing = new TreeSet<>(expected);
    missing.removeAll(alertsByPair.keySet());
    return missing;
  }

  Set<Pair> doubled() {
    Set<Pair> doubled = new TreeSet<>();
    alertsByPair.forEach((pair, alerts) -> {
      if (alerts.size() > 1) {
        doubled.add(pair);
      }
    });
    return doubled;
  }

  Set<Pair> unexpected() {
    Set<Pair> unexpected = new TreeSet<>(alertsByPair.keySet());
    unexpected.removeAll(expected);
    return unexpected;
  }

  /** A few of the pairs, for a message. */
  static String sample(Set<Pair> pairs) {
    return pairs.stream().limit(10).toList() + (pairs.size() > 10 ? " …" : "");
  }

  static List<String> columns() {
    return List.of("place", "records", "distinct alerts", "expected", "missing", "doubled", "unexpected", "duplicate records absorbed");
  }

  List<Object> row() {
    return List.of(place, records, distinctAlerts(), expected.size(), missing().size(), doubled().size(), unexpected().size(), duplicateRecords());
  }
}
