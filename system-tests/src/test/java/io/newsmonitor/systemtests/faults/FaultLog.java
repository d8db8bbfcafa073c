package io.newsmonitor.systemtests.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The faults injected, in order, with how long each left its part down; duplicates are put down to the fault before them. */
final class FaultLog {

  /** One injected fault: its kind (as the report groups them), when it began and how long its part was unavailable. */
  record Fault(String kind, Instant began, Duration downtime) {
  }

  /**
   * How one readiness endpoint followed an outage of the broker or the database.
   *
   * @param down from the outage's beginning to the first 503
   * @param unanswered from the outage's beginning to the first probe left without an answer (a probe timeout)
   * @param up from the restart to the first 200
   */
  record ReadinessObservation(String outage, String service, Optional<Duration> down, Optional<Duration> unanswered, Optional<Duration> up) {
  }

  private final List<Fault> faults = new ArrayList<>();
  private final List<ReadinessObservation> readiness = new ArrayList<>();

  synchronized void add(String kind, Instant began, Duration downtime) {
    faults.add(new Fault(kind, began, downtime));
  }

  synchronized void observed(ReadinessObservation observation) {
    readiness.add(observation);
  }

  synchronized List<Fault> faults() {
    return List.copyOf(faults);
  }

  synchronized List<ReadinessObservation> readiness() {
    return List.copyOf(readiness);
  }

  /** The kind of the last fault begun at or before {@code at}; "before any fault" otherwise. */
  synchronized String kindAt(Instant at) {
    String kind = BEFORE_ANY;
    for (Fault fault : faults) {
      if (!fault.began().isAfter(at)) {
        kind = fault.kind();
      }
    }
    return kind;
  }

  static final String BEFORE_ANY = "before any fault";

  /** Per kind, in the order first injected: how many times and the downtime in all. */
  synchronized Map<String, List<Fault>> byKind() {
    Map<String, List<Fault>> byKind = new LinkedHashMap<>();
    faults.forEach(fault -> byKind.computeIfAbsent(fault.kind(), kind -> new ArrayList<>()).add(fault));
    return byKind;
  }
}
