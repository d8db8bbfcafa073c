-- Subscriptions belong to an analyst; existing rows (demo data) go to the demo analyst.
alter table subscription add column owner varchar(200) not null default 'demo';
alter table subscription alter column owner drop default;
create index subscription_owner_idx on subscription (owner, created_at);

-- Signs the webhook's body (HMAC-SHA256); null when the subscription has no webhook.
alter table subscription add column webhook_secret text;

-- immediate, or gathered into an hourly or daily digest for the webhook and e-mail channels.
alter table subscription add column mode varchar(10) not null default 'IMMEDIATE';
alter table subscription add constraint subscription_mode_ck check (mode in ('IMMEDIATE', 'HOURLY', 'DAILY'));

-- Lets every instance notice that the rules changed and rebuild its rule index.
alter table subscription add column updated_at timestamptz;
update subscription set updated_at = created_at;
alter table subscription alter column updated_at set not null;

-- The inbox and the news.alerts topic get every alert: a subscription needs neither a webhook nor an e-mail.
alter table subscription drop constraint subscription_channel_ck;
