/**
 * Feed parsing: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 bytes to {@link io.newsmonitor.ingest.feed.ParsedFeed}, on Rome, with DOCTYPEs refused and
 * lenient charset detection. Pure: no CDI, no I/O beyond the bytes given.
 */
package io.newsmonitor.ingest.feed;
