package io.newsmonitor.enrich.story;

/**
 * How alike two articles are.
 *
 * @param text estimated Jaccard similarity of their word shingles, 0..1
 * @param tags cosine similarity of their weighted tags, 0..1
 * @param sharedTags the weight the two have in common: the sum over their tags of the smaller weight
 * @param sharedTagCount how many tags they have in common
 */
public record Similarity(double text, double tags, double sharedTags, int sharedTagCount) {
}
