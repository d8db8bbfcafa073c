-- Whether an article's published time is only the time it was ingested (the source gave no date): then it is an upper
-- bound, and the article may belong with reports published long before it (StoryRule.reach). Rows written before this
-- migration were compared as dated, as they were then.
alter table article_story
    add column published_estimated boolean not null default false;

alter table story_key
    add column published_estimated boolean not null default false;

-- Dated and estimated keys are looked up with different time bounds: each is one range of the primary key.
alter table story_key drop constraint story_key_pkey;
alter table story_key add primary key (key, published_estimated, published, article_id);
