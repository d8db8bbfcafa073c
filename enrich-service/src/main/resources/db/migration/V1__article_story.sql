-- The story of each article enrich-service has seen, and the last revision it enriched.
create table article_story (
    article_id  varchar(64)              primary key,
    story_id    varchar(64)              not null,
    revision    integer                  not null check (revision >= 1),
    enriched_at timestamp with time zone not null
);

create index article_story_story_id on article_story (story_id);
