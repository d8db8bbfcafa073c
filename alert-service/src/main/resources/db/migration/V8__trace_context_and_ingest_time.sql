-- Observability: what a delivery sent later, from another thread, needs to know of the article that raised its alert.
-- ingested_at: when ingest-service took the article in, so that a delivered alert measures the latency end to end.
-- traceparent, tracestate: the W3C trace context of the consumed record, so that the webhook request and the news.alerts
-- record continue the article's trace. Null for matches recorded before this version, and when no trace came in.
alter table alert_match add column ingested_at timestamptz;
alter table alert_match add column traceparent text;
alter table alert_match add column tracestate text;
