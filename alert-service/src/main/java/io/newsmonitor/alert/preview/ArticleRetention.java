package io.newsmonitor.alert.preview;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Deletes the stored articles published longer ago than {@code alert.articles.retention}. */
@ApplicationScoped
public class ArticleRetention {

  private final StoredArticles articles;
  private final ArticlesConfig config;

  public ArticleRetention(StoredArticles articles, ArticlesConfig config) {
    this.articles = articles;
    this.config = config;
  }

  /** Several instances may purge at once: deleting what another already deleted is harmless. */
  @Scheduled(every = "${alert.articles.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  public void purge() {
    int deleted = articles.deletePublishedBefore(Instant.now().minus(config.retention()));
    if (deleted > 0) {
      Log.infof("purged %d stored article(s) published more than %s ago", deleted, config.retention());
    }
  }
}
