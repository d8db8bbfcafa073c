/**
 * The knowledge base: countries, people, organisations, alliances, places and topics with their wordings, kept as data in a
 * versioned file ({@code io/newsmonitor/kb/knowledge-base.json}) so that adding an entity or a wording needs no code change.
 * {@link io.newsmonitor.kb.KnowledgeBase} loads it and resolves a term to an entry; {@link io.newsmonitor.kb.TextNormalizer}
 * is the one text normalisation that tagging and resolving share.
 */
package io.newsmonitor.kb;
