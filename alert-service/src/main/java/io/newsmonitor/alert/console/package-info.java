/**
 * The analyst console: server-rendered pages (Qute) over the same services as the REST API, for analysts signed in through a
 * form (the same identities as the API's HTTP Basic). Plain JavaScript only checks a rule as it is typed; every form works
 * without it.
 */
package io.newsmonitor.alert.console;
