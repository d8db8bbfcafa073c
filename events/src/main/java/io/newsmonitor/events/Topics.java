package io.newsmonitor.events;

/** Kafka topic names of the public contract. */
public final class Topics {

  /** Key: article id. Value: {@link ArticleIngested}. */
  public static final String ARTICLES_INGESTED = "news.articles.ingested";
  /** Key: article id. Value: {@link ArticleEnriched}. */
  public static final String ARTICLES_ENRICHED = "news.articles.enriched";
  /** Key: subscription id. Value: {@link AlertRaised}. */
  public static final String ALERTS = "news.alerts";

  /** Suffix of the dead-letter topic each consumer keeps beside the topic it reads. */
  public static final String DLQ_SUFFIX = ".dlq";

  private Topics() {
  }

  /** The dead-letter topic of {@code topic}: same key, the unprocessable record, the error in its headers. */
  public static String deadLetter(String topic) {
    return topic + DLQ_SUFFIX;
  }
}
