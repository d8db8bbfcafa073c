package io.newsmonitor.enrich.config;

import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.kb.KnowledgeBase;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The tagger, built from the configured knowledge base, the reloader that keeps it up to date when that is a file, and the
 * clock, as beans. An invalid file at start-up fails the start: there is no previous knowledge base to fall back on.
 */
public class TaggingProducers {

  @Produces
  @Singleton
  Tagger tagger(EnrichConfig config) {
    KnowledgeBase kb = config.file().map(KnowledgeBase::load).orElseGet(KnowledgeBase::loadDefault);
    Log.infof("Knowledge base loaded from %s: %s", config.file().map(Object::toString).orElse("the knowledge-base module"), kb);
    return new Tagger(kb);
  }

  /** Empty when the shipped knowledge base is used: a classpath resource does not change under a running service. */
  @Produces
  @Singleton
  @Startup
  Optional<KnowledgeBaseReloader> reloader(EnrichConfig config, Tagger tagger, Clock clock) {
    return config.file().map(file -> {
      KnowledgeBaseReloader reloader = new KnowledgeBaseReloader(file, tagger, clock);
      reloader.start(config.pollInterval());
      Log.infof("Watching %s for knowledge-base changes every %s", file, config.pollInterval());
      return reloader;
    });
  }

  void stopReloader(@Disposes Optional<KnowledgeBaseReloader> reloader) {
    reloader.ifPresent(KnowledgeBaseReloader::close);
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
