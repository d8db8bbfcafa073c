package io.newsmonitor.systemtests;

import io.newsmonitor.infra.local.PlainAnalyst;

/** The analyst the system tests act as, made known to alert-service through the environment. */
final class Analyst {

  static final PlainAnalyst ANALYST = new PlainAnalyst("analyst", "analyst-password");

  private Analyst() {
  }
}
