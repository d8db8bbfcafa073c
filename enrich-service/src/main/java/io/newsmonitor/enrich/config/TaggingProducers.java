package io.newsmonitor.enrich.config;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.kb.KnowledgeBase;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The knowledge base, the tagger built from it, and the clock, as beans. */
public class TaggingProducers {

  @Produces
  @Singleton
  KnowledgeBase knowledgeBase(EnrichConfig config) {
    KnowledgeBase kb = config.file().map(KnowledgeBase::load).orElseGet(KnowledgeBase::loadDefault);
    Log.infof("Knowledge base %s loaded from %s: %d entries", kb.version(),
        config.file().map(Object::toString).orElse("the knowledge-base module"), kb.entries().size());
    return kb;
  }

  @Produces
  @Singleton
  Tagger tagger(KnowledgeBase knowledgeBase) {
    return new Tagger(knowledgeBase);
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
