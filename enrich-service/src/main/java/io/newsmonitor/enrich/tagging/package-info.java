/**
 * Tagging: finding the knowledge base's actors and topics in an article's title and body. Pure code, no I/O, no CDI.
 */
package io.newsmonitor.enrich.tagging;
