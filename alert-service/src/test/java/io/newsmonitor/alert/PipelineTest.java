package io.newsmonitor.alert;

import io.newsmonitor.infra.local.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the whole alert path share: no subscription before or after each test, a producer of enriched articles
 * on the service's topic, and a local webhook receiver.
 */
public abstract class PipelineTest {

  protected EnrichedArticles articles;
  protected WebhookReceiver receiver;

  @BeforeEach
  void startArticlesAndReceiver() {
    Api.deleteAllSubscriptions();
    articles = new EnrichedArticles();
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stopArticlesAndReceiver() {
    Api.deleteAllSubscriptions();
    articles.close();
    receiver.close();
  }
}
