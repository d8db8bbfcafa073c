/** Analysts' subscriptions: a name, a rule and a webhook, stored in PostgreSQL. */
package io.newsmonitor.alert.subscription;
