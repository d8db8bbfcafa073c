package io.newsmonitor.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as a client creates or replaces it. */
@Schema(description = "A source of articles")
public record SourceRequest(
    @Schema(description = "Lower-case letters, digits and dashes; derived from the name when absent", example = "nhk-world") String id,
    @Schema(enumeration = {"feed", "push", "file"}, required = true) String type,
    @Schema(required = true, example = "NHK World") String name,
    @Schema(description = "The feed URL (RSS or Atom); required for feeds", example = "https://www3.nhk.or.jp/rss/news/cat0.xml") String url,
    @Schema(description = "Seconds between polls of a feed; at least ingest.feeds.min-interval", example = "900") Integer pollIntervalSeconds,
    @Schema(description = "Language of its articles (BCP 47) when known; else taken from the feed or page, or detected", example = "en") String language,
    @Schema(description = "IANA time zone of dates written without one", example = "Asia/Tokyo") String timeZone,
    @Schema(description = "A paused feed is not polled") Boolean paused) {
}
