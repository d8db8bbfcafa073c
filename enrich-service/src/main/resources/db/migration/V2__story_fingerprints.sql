-- What a story is recognised by in each article, and the LSH keys that find an article's candidates without a scan.
-- Rows of V1 have no fingerprint: they keep their story but are never candidates.
alter table article_story
    add column published   timestamp with time zone,
    add column minhash     integer[],
    add column tag_ids     text[],
    add column tag_weights double precision[];

-- One row per key of an article (MinHash bands, pairs of salient tags). The primary key serves the lookup: equal key,
-- published within the window.
create table story_key (
    key        bigint                   not null,
    published  timestamp with time zone not null,
    article_id varchar(64)              not null references article_story (article_id) on delete cascade,
    primary key (key, published, article_id)
);

-- A new revision replaces its article's keys.
create index story_key_article_id on story_key (article_id);
