package io.newsmonitor.alert.matching;

import io.newsmonitor.alert.rule.Rule;

/** Decides what a rule term means; the service resolves through the knowledge base, tests may use anything. */
@FunctionalInterface
public interface TermResolver {

  /** The meaning of {@code term}; never null (a term that names nothing is text). */
  Resolution resolve(Rule.Term term);
}
