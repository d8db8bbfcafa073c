-- The enriched articles alert-service consumed, kept for rule previews (alert.articles.retention, purged by published time).
-- One row per article: a later revision replaces it, an older or repeated one changes nothing.
create table article (
  id                     text        primary key,
  revision               integer     not null,
  url                    text,
  source_id              text        not null,
  source_name            text        not null,
  title                  text        not null,
  body                   text        not null,
  summary                text,
  lang                   text,
  published              timestamptz not null,
  published_estimated    boolean     not null,
  ingested_at            timestamptz not null,
  content_hash           text        not null,
  story_id               text        not null,
  knowledge_base_version text        not null,
  enriched_at            timestamptz not null,
  language_coverage      text        not null,
  -- {"actors": [Tag...], "topics": [Tag...]}, as in the ArticleEnriched event: the evidence a preview explains itself with.
  tags                   jsonb       not null,
  -- The prefilter's view of the article: its tag ids, and the distinct words of title and body folded as the matcher
  -- folds them (no stemming, no stop words, no positions). Null when the words are too many for one tsvector: such an
  -- article is a candidate of every text condition.
  tag_ids                text[]      not null,
  tokens                 tsvector
);

create index article_published_idx on article (published desc, id desc);
create index article_tag_ids_idx on article using gin (tag_ids);
create index article_tokens_idx on article using gin (tokens);
create index article_untokenised_idx on article (published) where tokens is null;
