package io.newsmonitor.enrich.story;

/**
 * How alike two articles are.
 *
 * @param text estimated Jaccard similarity of their word shingles, 0..1
 * @param tags weighted Jaccard similarity of their tags, 0..1
 * @param sharedTags the weight the two have in common: the sum over their tags of the smaller weight
 */
public record Similarity(double text, double tags, double sharedTags) {
}
