-- One digest per subscription and period (an UTC hour or day by default): the alerts of the period for the webhook and
-- e-mail channels of an HOURLY or DAILY subscription. The unique key is what keeps two instances, or a job that runs
-- again after a restart, from making a second digest of the same period.
create table digest (
  id              uuid        primary key,
  subscription_id uuid        not null references subscription (id) on delete cascade,
  period_start    timestamptz not null,
  period_end      timestamptz not null,
  created_at      timestamptz not null,
  -- The webhook's JSON, exactly as delivered; the e-mail is rendered from it.
  payload         jsonb       not null,
  constraint digest_subscription_period_uk unique (subscription_id, period_start),
  constraint digest_period_ck check (period_start < period_end)
);

-- A delivery carries either one alert (its match) or one digest.
alter table delivery alter column match_id drop not null;
alter table delivery add column digest_id uuid references digest (id) on delete cascade;
alter table delivery add constraint delivery_match_or_digest_ck check (num_nonnulls(match_id, digest_id) = 1);
create index delivery_digest_idx on delivery (digest_id) where digest_id is not null;

-- Finds the alerts of a period, and the alerts that no digest holds yet.
create index alert_match_subscription_matched_idx on alert_match (subscription_id, matched_at);
