package io.newsmonitor.enrich.story;

/**
 * How alike two articles are.
 *
 * @param text estimated Jaccard similarity of their word shingles, 0..1
 * @param tags weighted Jaccard similarity of their tags, 0..1
 */
public record Similarity(double text, double tags) {
}
