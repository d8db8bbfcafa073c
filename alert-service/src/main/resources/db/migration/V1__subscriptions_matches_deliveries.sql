-- alert-service owns the "alert" schema; Flyway creates it (quarkus.flyway.schemas) and every table lives in it.

create table subscription (
  id          uuid         primary key,
  name        varchar(200) not null,
  rule        text         not null,
  webhook_url text         not null,
  active      boolean      not null default true,
  created_at  timestamptz  not null
);

-- One match per subscription and article: a redelivered record or a later revision of the article does not alert again.
create table alert_match (
  id              uuid        primary key,
  subscription_id uuid        not null references subscription (id) on delete cascade,
  article_id      text        not null,
  revision        integer     not null,
  story_id        text        not null,
  article_title   text        not null,
  matched_at      timestamptz not null,
  -- The AlertRaised event, exactly as delivered.
  payload         jsonb       not null,
  constraint alert_match_subscription_article_uk unique (subscription_id, article_id)
);

-- The outbox: written in the transaction of the match, sent after it commits, retried until delivered or parked.
create table delivery (
  id               uuid        primary key,
  match_id         uuid        not null references alert_match (id) on delete cascade,
  subscription_id  uuid        not null references subscription (id) on delete cascade,
  channel          varchar(20) not null,
  target_url       text        not null,
  status           varchar(20) not null,
  attempts         integer     not null default 0,
  next_attempt_at  timestamptz not null,
  last_error       text,
  last_status_code integer,
  created_at       timestamptz not null,
  delivered_at     timestamptz,
  constraint delivery_status_ck check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  constraint delivery_channel_ck check (channel in ('webhook'))
);

create index delivery_due_idx on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_subscription_idx on delivery (subscription_id, created_at desc);
create index delivery_created_idx on delivery (created_at desc);
create index delivery_match_idx on delivery (match_id);
