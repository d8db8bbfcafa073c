package io.newsmonitor.events;

/**
 * CloudEvents 1.0 attributes as carried in Kafka headers (binary content mode): the header names and the event types
 * of this contract. Every record on a contract topic carries {@code ce_specversion}, {@code ce_id}, {@code ce_type},
 * {@code ce_source} and {@code ce_time}.
 */
public final class CloudEvents {

  public static final String SPEC_VERSION = "1.0";

  public static final String HEADER_SPEC_VERSION = "ce_specversion";
  public static final String HEADER_ID = "ce_id";
  public static final String HEADER_TYPE = "ce_type";
  public static final String HEADER_SOURCE = "ce_source";
  public static final String HEADER_TIME = "ce_time";

  public static final String TYPE_ARTICLE_INGESTED = "news.article.ingested.v1";
  public static final String TYPE_ARTICLE_ENRICHED = "news.article.enriched.v1";
  public static final String TYPE_ALERT_RAISED = "news.alert.raised.v1";

  private CloudEvents() {
  }
}
