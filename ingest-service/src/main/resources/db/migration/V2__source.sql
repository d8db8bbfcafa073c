-- The places articles come from. Feed sources are polled; push and file sources name where pushed or imported
-- articles come from. The poll columns are the poller's state, the health columns what operators see.
create table source (
    id                   varchar(64)  not null,
    type                 varchar(8)   not null check (type in ('feed', 'push', 'file')),
    name                 text         not null,
    url                  text,
    poll_interval_s      integer      not null check (poll_interval_s >= 1),
    language             varchar(16),
    time_zone            varchar(64),
    paused               boolean      not null default false,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    -- polling: when it is due (also the lease of the instance polling it now) and the validators for conditional GET
    next_poll_at         timestamptz,
    etag                 text,
    last_modified        text,
    -- health
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_error           text,
    last_error_at        timestamptz,
    consecutive_failures integer      not null default 0,
    items_published      bigint       not null default 0,
    -- WebSub: the hub and topic we subscribed to, the secret that signs what the hub sends, and the lease it granted
    websub_hub           text,
    websub_topic         text,
    websub_secret        varchar(64),
    websub_requested_at  timestamptz,
    websub_lease_until   timestamptz,
    constraint source_pk primary key (id),
    constraint source_feed_has_url check (type <> 'feed' or url is not null)
);

-- The poller's question, asked every tick by every instance: which feeds are due?
create index source_due_idx on source (next_poll_at) where type = 'feed' and not paused;

comment on table source is 'Article sources of ingest-service: polled feeds, push clients and file imports, with their health.';
comment on column source.next_poll_at is 'When the feed is next due; an instance that claims it moves this forward by a lease, so others skip it.';
