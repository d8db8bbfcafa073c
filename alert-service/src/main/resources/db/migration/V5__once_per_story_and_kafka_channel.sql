-- Once per story: the first match of a story is the subscription's alert; later copies of the story (other sources,
-- rewrites) attach to it and are delivered nowhere.
alter table alert_match add column attached_to uuid references alert_match (id) on delete cascade;

-- Stories alerted before this version may have several alerts: the earliest stays the alert, the others attach to it.
update alert_match later
set attached_to = first.id
from (select distinct on (subscription_id, story_id) id, subscription_id, story_id
      from alert_match
      order by subscription_id, story_id, matched_at, id) first
where later.subscription_id = first.subscription_id and later.story_id = first.story_id and later.id <> first.id;

-- At most one alert per subscription and story, even when two instances match two copies of the story at once: the
-- second insert waits for the first transaction and then conflicts (insert ... on conflict do nothing).
create unique index alert_match_first_of_story_uk on alert_match (subscription_id, story_id) where attached_to is null;
-- A story's copies, and the cascade when its alert is deleted.
create index alert_match_attached_to_idx on alert_match (attached_to) where attached_to is not null;

-- The news.alerts topic is a channel of the outbox too: published by the sender, the broker's acknowledgement awaited.
alter table delivery drop constraint delivery_channel_ck;
alter table delivery add constraint delivery_channel_ck check (channel in ('webhook', 'email', 'kafka'));
