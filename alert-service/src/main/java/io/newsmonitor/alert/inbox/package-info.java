/** The analyst's inbox: every alert of their subscriptions, newest first, each read or unread. */
package io.newsmonitor.alert.inbox;
