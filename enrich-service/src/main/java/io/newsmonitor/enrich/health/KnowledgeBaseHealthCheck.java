package io.newsmonitor.enrich.health;

import io.newsmonitor.enrich.config.KnowledgeBaseReloader;
import io.newsmonitor.enrich.tagging.Tagger;
import io.newsmonitor.kb.KnowledgeBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the knowledge base is loaded; reports the version in use, its size, and, when it comes from a watched file, when
 * it was loaded and why the latest change of the file was refused. A refused file does not make the service unready: the
 * previous knowledge base goes on tagging. Kafka and the datasource have their own checks.
 */
@Readiness
@ApplicationScoped
public class KnowledgeBaseHealthCheck implements HealthCheck {

  private final Tagger tagger;
  private final Optional<KnowledgeBaseReloader> reloader;

  public KnowledgeBaseHealthCheck(Tagger tagger, Optional<KnowledgeBaseReloader> reloader) {
    this.tagger = tagger;
    this.reloader = reloader;
  }

  @Override
  public HealthCheckResponse call() {
    KnowledgeBase kb = tagger.knowledgeBase();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("knowledge-base")
        .withData("version", kb.version())
        .withData("entries", kb.entries().size())
        .withData("aliases", kb.aliasCount())
        .withData("languages", String.join(",", kb.languages()))
        .withData("source", reloader.map(r -> r.file().toString()).orElse("knowledge-base module"));
    reloader.map(KnowledgeBaseReloader::status).ifPresent(status -> {
      response.withData("loadedAt", status.loadedAt().toString());
      status.lastError().ifPresent(error -> response.withData("lastReloadError", error));
    });
    return response.up().build();
  }
}
