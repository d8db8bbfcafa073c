package io.newsmonitor.kb;

import java.util.List;

/**
 * When a wording counts as a mention of its entry: every {@code requires} group must hold and no {@code excludes} group may
 * hold (see {@link TermGroup}). An entry's condition applies to all its wordings; an alias's condition applies to that wording
 * only, on top of the entry's.
 *
 * <p>For example, {@code Pillar II} is AUKUS's second pillar only with AUKUS or one of its partners in the article and some
 * defence vocabulary ({@code requires: [[alliance:aukus, country:au, country:gb, country:us], [defence, military, …]]}), and
 * not next to the OECD or Basel ({@code excludes: [{anyOf: [organisation:oecd, global minimum tax, Basel, …], window: 400}]}).
 */
public record Condition(List<TermGroup> requires, List<TermGroup> excludes) {

  /** No condition: the wording always counts. */
  public static final Condition NONE = new Condition(List.of(), List.of());

  public Condition {
    requires = List.copyOf(requires);
    excludes = List.copyOf(excludes);
  }

  public boolean isNone() {
    return requires.isEmpty() && excludes.isEmpty();
  }
}
