package io.newsmonitor.alert.matching;

import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static io.newsmonitor.alert.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.Api;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The index of the active rules follows the subscriptions in PostgreSQL: created, paused, resumed, deleted (the tests check them before every use). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ActiveRuleIndexTests {

  private static final String WEBHOOK = "http://localhost:9/hooks";

  @Inject
  ActiveRuleIndex rules;

  @AfterEach
  void tearDown() {
    Api.deleteAllSubscriptions();
  }

  @Test
  void aNewSubscriptionMatchesAtOnceAPausedOrDeletedOneNoMore() {
    Api.deleteAllSubscriptions();
    ArticleEnriched japanAndPillarTwo = article(newArticleId(), 1, true, true);
    assertThat(matching(japanAndPillarTwo)).isEmpty();

    String both = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", WEBHOOK);
    String japan = Api.subscribe("Japan", "actor:Japan", WEBHOOK);
    // Neither tagged Korea nor saying Seoul: never among the matches below.
    Api.subscribe("Korea", "Korea OR \"Seoul\"", WEBHOOK);

    assertThat(matching(japanAndPillarTwo)).containsExactly(both, japan);
    assertThat(matching(article(newArticleId(), 1, true, false))).containsExactly(japan);

    given().when().post("/api/subscriptions/" + japan + "/pause").then().statusCode(200);
    assertThat(matching(japanAndPillarTwo)).containsExactly(both);
    given().when().post("/api/subscriptions/" + japan + "/resume").then().statusCode(200);
    given().when().delete("/api/subscriptions/" + both).then().statusCode(204);

    assertThat(matching(japanAndPillarTwo)).containsExactly(japan);
  }

  private List<String> matching(ArticleEnriched article) {
    return QuarkusTransaction.requiringNew().call(() -> rules.current().matches(PreparedArticle.of(article)).stream().map(entry -> entry.key().toString()).toList());
  }
}
