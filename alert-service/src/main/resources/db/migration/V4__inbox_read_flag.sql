-- The analyst's inbox is the alert_match table: read_at is null until the analyst marks the alert read.
alter table alert_match add column read_at timestamptz;

-- The inbox lists a subscription's alerts newest first.
create index alert_match_inbox_idx on alert_match (subscription_id, matched_at desc, id desc);
