package io.newsmonitor.alert.matching;

import io.newsmonitor.kb.KnowledgeBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the knowledge base shipped with the {@code knowledge-base} module injectable; it is loaded once. */
@ApplicationScoped
class KnowledgeBaseProducer {

  @Produces
  @Singleton
  KnowledgeBase knowledgeBase() {
    return KnowledgeBase.loadDefault();
  }
}
