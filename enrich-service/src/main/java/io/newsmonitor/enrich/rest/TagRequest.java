package io.newsmonitor.enrich.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article to tag.
 *
 * @param title the headline; optional when there is a text
 * @param text the body; optional when there is a title
 * @param language BCP 47 tag such as {@code en} or {@code fr-CA}; optional, only used to flag languages the knowledge base
 *     does not cover
 */
@Schema(description = "An article to tag: a title, a text or both")
public record TagRequest(
    @Schema(description = "Headline", examples = "Japan to join AUKUS Pillar II projects") String title,
    @Schema(description = "Body text", examples = "Tokyo and the AUKUS partners agreed to work together on Pillar II defence capabilities.") String text,
    @Schema(description = "BCP 47 language tag, optional", examples = "en") String language) {
}
