/** Extraction of a fetched article page: its story as plain text and its metadata, without I/O (the fetching is elsewhere). */
package io.newsmonitor.ingest.extract;
