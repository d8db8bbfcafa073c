/**
 * Batches of articles: NDJSON pushes, uploaded files and files dropped into the import folder, each item ingested on its
 * own so that one bad item never stops the others.
 */
package io.newsmonitor.ingest.imports;
