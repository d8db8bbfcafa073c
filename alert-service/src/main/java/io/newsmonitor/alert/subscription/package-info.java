/** Analysts' subscriptions: a name, a rule, the analyst who owns it, a mode and optionally a webhook and an e-mail address, stored in PostgreSQL. */
package io.newsmonitor.alert.subscription;
