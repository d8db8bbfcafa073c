package io.newsmonitor.enrich.health;

import io.newsmonitor.kb.KnowledgeBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the knowledge base is loaded; reports its version. Kafka and the datasource have their own checks. */
@Readiness
@ApplicationScoped
public class KnowledgeBaseHealthCheck implements HealthCheck {

  private final KnowledgeBase knowledgeBase;

  public KnowledgeBaseHealthCheck(KnowledgeBase knowledgeBase) {
    this.knowledgeBase = knowledgeBase;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("knowledge-base")
        .withData("version", knowledgeBase.version())
        .withData("entries", knowledgeBase.entries().size())
        .up()
        .build();
  }
}
