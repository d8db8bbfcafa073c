/** Analysts' subscriptions: a name, a rule, and a webhook and/or an e-mail address, stored in PostgreSQL. */
package io.newsmonitor.alert.subscription;
