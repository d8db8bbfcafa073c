package io.newsmonitor.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article pushed over HTTP. Every field is text so that a bad value is reported by name, not as unreadable JSON.
 *
 * @param url absolute http(s) URL of the article; required
 * @param title the article's title; derived from the body when absent
 * @param body the story as plain text; required
 * @param published ISO-8601 date-time, with or without offset (without: UTC); the ingest time when absent
 * @param source name of the source; {@code push} when absent
 */
@Schema(name = "ArticleRequest", description = "An article pushed over HTTP.")
public record ArticleRequest(
    @Schema(required = true, examples = "https://www.reuters.com/world/aukus-2024-04-06/") String url,
    @Schema(description = "Derived from the body when absent.") String title,
    @Schema(required = true, description = "The story as plain text.") String body,
    @Schema(description = "ISO-8601, with or without offset (without: UTC). The ingest time when absent.", examples = "2024-04-08T21:56:00+09:00")
    String published,
    @Schema(description = "Source name; push when absent.", examples = "Reuters") String source) {
}
