package io.newsmonitor.ingest.observability;

import io.newsmonitor.infra.test.HealthContract;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness covers the broker and the database; liveness depends on neither. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IngestHealthTests {

  @Test
  void readinessListsKafkaAndPostgresqlUp() {
    HealthContract.assertReadinessCoversKafkaAndPostgresqlUp();
  }

  @Test
  void livenessChecksNeitherKafkaNorPostgresql() {
    HealthContract.assertLivenessChecksNeitherKafkaNorPostgresql();
  }
}
