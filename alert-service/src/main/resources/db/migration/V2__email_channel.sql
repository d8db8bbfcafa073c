-- The e-mail channel: a subscription has a webhook, an e-mail address or both; each makes its own delivery.
alter table subscription alter column webhook_url drop not null;
alter table subscription add column email varchar(320);
alter table subscription add constraint subscription_channel_ck check (webhook_url is not null or email is not null);

-- target_url keeps its name: for an e-mail delivery it holds the recipient's address.
alter table delivery drop constraint delivery_channel_ck;
alter table delivery add constraint delivery_channel_ck check (channel in ('webhook', 'email'));
