/**
 * Outbound HTTP for URLs that come from outside (feeds, pages, WebSub hubs, webhooks): {@link io.newsmonitor.http.SafeHttpClient} refuses
 * internal addresses as {@link io.newsmonitor.http.AddressPolicy} decides, checked on the addresses actually connected to, and bounds
 * redirects, body size and time. Failures are {@link io.newsmonitor.http.FetchException}s with a {@link io.newsmonitor.http.FetchException.Reason}.
 */
package io.newsmonitor.http;
