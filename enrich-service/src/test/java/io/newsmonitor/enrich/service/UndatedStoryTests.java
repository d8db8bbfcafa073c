package io.newsmonitor.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Collections2;
import io.newsmonitor.enrich.story.SeedArticles;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stories of articles without a date, whose published time is the time ingest received them (an upper bound), on a real
 * PostgreSQL with the configured thresholds. Every test starts from an empty story table: an estimated time reaches far
 * back, so the other tests' articles would be candidates.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UndatedStoryTests {

  private static final List<String> AUKUS_REPORTS = List.of("000", "001", "002");

  @Inject
  EnrichService enrichService;

  @Inject
  DataSource dataSource;

  @BeforeEach
  void forgetEveryStory() throws SQLException {
    // The keys go with their articles (on delete cascade).
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("delete from enrich.article_story");
    }
  }

  /**
   * 001 as ingest really delivers it (no date: published at its ingest time, estimated) with 000 and 002 of April 2024:
   * one story in every order. 004 (October 2024) is as alike to 001 in actors and topics as 000 and 002 are (tags 0.80
   * against 0.76 and 0.80), and 001's date is unknown, so whichever of them first shares a story with 001 says when 001
   * was published. When 001 has met its own event first (004 arrives after 001 and after 000 or 002) the seeds are
   * exactly the three stories of issue 5; in every order 003 is alone, 000 and 002 share a story, 004 never joins them
   * and 001 joins one of the two.
   */
  @Test
  void theSeedsWithTheReutersReportUndatedAreOneStoryWhenever001MeetsItsEventFirst() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    int exactlyIssueFive = 0;
    for (List<String> order : Collections2.permutations(List.of("000", "001", "002", "003", "004"))) {
      forgetEveryStory();
      Map<String, String> story = new HashMap<>();
      for (String number : order) {
        ArticleIngested article = number.equals("001")
            ? SeedArticles.undated(number, randomId(), now)
            : SeedArticles.article(number, randomId(), SeedArticles.PUBLISHED.get(number));
        story.put(number, enrichService.enrich(article).storyId());
      }

      assertThat(story.get("002")).as("order %s", order).isEqualTo(story.get("000"));
      assertThat(story.get("001")).as("order %s", order).isIn(story.get("000"), story.get("004"));
      assertThat(story.get("004")).as("order %s", order).isNotEqualTo(story.get("000"));
      assertThat(story.get("003")).as("order %s", order).isNotIn(story.get("000"), story.get("001"), story.get("004"));
      boolean metItsEventFirst = order.indexOf("004") > order.indexOf("001")
          && order.indexOf("004") > Math.min(order.indexOf("000"), order.indexOf("002"));
      if (metItsEventFirst) {
        assertThat(AUKUS_REPORTS.stream().map(story::get).distinct()).as("order %s", order).hasSize(1);
        exactlyIssueFive++;
      } else if (story.get("001").equals(story.get("000"))) {
        exactlyIssueFive++;
      }
    }
    System.out.printf("seeds with 001 undated: the three stories of issue 5 in %d of 120 orders%n", exactlyIssueFive);
    assertThat(exactlyIssueFive).isGreaterThanOrEqualTo(50);
  }

  @Test
  void anUndatedArticleFindsItsEventFarInThePastUnderItsKeys() {
    String story = enrichService.enrich(SeedArticles.article("000", randomId(), SeedArticles.PUBLISHED.get("000"))).storyId();

    assertThat(enrichService.enrich(SeedArticles.undated("002", randomId(), OffsetDateTime.now(ZoneOffset.UTC))).storyId()).isEqualTo(story);
  }

  @Test
  void anUndatedArticleWithOtherContentDoesNotJoinAnOldStory() {
    Map<String, String> story = new HashMap<>();
    for (String number : AUKUS_REPORTS) {
      story.put(number, enrichService.enrich(SeedArticles.article(number, randomId(), SeedArticles.PUBLISHED.get(number))).storyId());
    }

    String undated = enrichService.enrich(SeedArticles.undated("003", randomId(), OffsetDateTime.now(ZoneOffset.UTC))).storyId();
    assertThat(undated).isNotIn(story.values());
  }

  @Test
  void anUndatedArticleDoesNotReachArticlesPublishedAfterItWasIngestedPlusTheWindow() throws SQLException {
    OffsetDateTime ingested = OffsetDateTime.of(2036, 2, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    String undated = enrichService.enrich(SeedArticles.undated("000", randomId(), ingested)).storyId();
    assertThat(enrichService.enrich(SeedArticles.article("002", randomId(), ingested.plusHours(73))).storyId()).isNotEqualTo(undated);

    forgetEveryStory();
    undated = enrichService.enrich(SeedArticles.undated("000", randomId(), ingested)).storyId();
    assertThat(enrichService.enrich(SeedArticles.article("002", randomId(), ingested.plusHours(71))).storyId()).isEqualTo(undated);
  }

  @Test
  void twoUndatedArticlesCompareTheirIngestTimes() throws SQLException {
    OffsetDateTime ingested = OffsetDateTime.of(2037, 2, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    String first = enrichService.enrich(SeedArticles.undated("000", randomId(), ingested)).storyId();
    assertThat(enrichService.enrich(SeedArticles.undated("002", randomId(), ingested.plusHours(73))).storyId()).isNotEqualTo(first);
    assertThat(enrichService.enrich(SeedArticles.undated("002", randomId(), ingested.minusHours(73))).storyId()).isNotEqualTo(first);

    forgetEveryStory();
    first = enrichService.enrich(SeedArticles.undated("000", randomId(), ingested)).storyId();
    assertThat(enrichService.enrich(SeedArticles.undated("002", randomId(), ingested.plusHours(1))).storyId()).isEqualTo(first);
  }

  @Test
  void aDatedPairSeventyThreeHoursApartStillDoesNotJoin() {
    OffsetDateTime published = OffsetDateTime.of(2038, 2, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    String first = enrichService.enrich(SeedArticles.article("000", randomId(), published)).storyId();

    assertThat(enrichService.enrich(SeedArticles.article("002", randomId(), published.plusHours(73))).storyId()).isNotEqualTo(first);
    assertThat(enrichService.enrich(SeedArticles.article("001", randomId(), published.minusHours(73))).storyId()).isNotEqualTo(first);
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
