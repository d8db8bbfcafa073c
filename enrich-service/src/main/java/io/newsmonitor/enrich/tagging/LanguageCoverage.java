package io.newsmonitor.enrich.tagging;

/** Whether the knowledge base covers an article's language (its {@code languages}, e.g. {@code en} and {@code fr}). */
public enum LanguageCoverage {

  /** The knowledge base has wordings in this language. */
  COVERED,
  /** It has none: only wordings shared with a covered language (names, acronyms) can match, so tags may be missing. */
  NOT_COVERED,
  /** The article's language is not known. */
  UNKNOWN
}
