/**
 * Stories: which articles report the same event. Pure logic, no infrastructure: an article's {@link
 * io.newsmonitor.enrich.story.Fingerprint} (a {@link io.newsmonitor.enrich.story.MinHash} of its wording and a {@link
 * io.newsmonitor.enrich.story.TagProfile} of its tags), the LSH keys that find its candidates, and the {@link
 * io.newsmonitor.enrich.story.StoryRule} that decides whether a candidate reports the same event.
 */
package io.newsmonitor.enrich.story;
