package io.newsmonitor.alert.subscription;

/** When the webhook and e-mail channels of a subscription hear of its alerts; the inbox and news.alerts always hear at once. */
public enum SubscriptionMode {
  IMMEDIATE,
  HOURLY,
  DAILY
}
