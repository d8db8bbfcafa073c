-- One row per published revision of an article: what ingest-service has already put on news.articles.ingested.
-- The same content (article_id, content_hash) is never published twice; a correction gets the next revision.
create table article_revision (
    article_id   varchar(32)  not null,
    revision     integer      not null check (revision >= 1),
    content_hash varchar(71)  not null,
    title        text         not null,
    ingested_at  timestamptz  not null,
    constraint article_revision_pk primary key (article_id, revision),
    constraint article_revision_content_uk unique (article_id, content_hash)
);

comment on table article_revision is 'Revisions of articles published on news.articles.ingested (ingest-service).';
comment on column article_revision.content_hash is 'sha256: and the hex SHA-256 of the normalised title, a line break and the body.';
