package io.newsmonitor.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmonitor.enrich.story.SeedArticles;
import io.newsmonitor.enrich.tagging.Seeds;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Story assignment on a real PostgreSQL, with the real seeds and the configured thresholds. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StoryServiceTests {

  private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

  @Inject
  EnrichService enrichService;

  @Inject
  MeterRegistry meters;

  @AfterAll
  static void stopWorkers() {
    WORKERS.shutdownNow();
  }

  @Test
  void theSeedsAtTheirPublishedTimesAreThreeStories() {
    Map<String, String> story = new HashMap<>();
    for (String number : SeedArticles.NUMBERS) {
      story.put(number, enrichService.enrich(SeedArticles.article(number, randomId(), SeedArticles.PUBLISHED.get(number))).storyId());
    }

    assertThat(story.get("001")).isEqualTo(story.get("000"));
    assertThat(story.get("002")).isEqualTo(story.get("000"));
    assertThat(List.of(story.get("000"), story.get("003"), story.get("004"))).doesNotHaveDuplicates();
  }

  @Test
  void theStoryDoesNotDependOnTheOrderTheReportsArrive() {
    // Two years on, so that the other tests' seeds are out of the window.
    Map<String, String> story = new HashMap<>();
    for (String number : List.of("002", "004", "003", "001", "000")) {
      story.put(number, enrichService.enrich(SeedArticles.article(number, randomId(), SeedArticles.PUBLISHED.get(number).plusYears(2))).storyId());
    }

    assertThat(story.get("000")).isEqualTo(story.get("002")).isEqualTo(story.get("001"));
    assertThat(List.of(story.get("002"), story.get("003"), story.get("004"))).doesNotHaveDuplicates();
  }

  @Test
  void withinOneWindowTheTwoPlusTwoStaysApartButTheLaterEpisodeJoins() {
    OffsetDateTime sameDay = OffsetDateTime.of(2031, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC);
    Map<String, String> story = new HashMap<>();
    for (String number : SeedArticles.NUMBERS) {
      story.put(number, enrichService.enrich(SeedArticles.article(number, randomId(), sameDay.plusHours(Integer.parseInt(number)))).storyId());
    }

    assertThat(story.get("001")).isEqualTo(story.get("000"));
    assertThat(story.get("002")).isEqualTo(story.get("000"));
    assertThat(story.get("003")).isNotEqualTo(story.get("000"));
    // Words and tags do not tell a later episode of the same theme from the event itself: only the window does.
    assertThat(story.get("004")).isEqualTo(story.get("000"));
  }

  @Test
  void copiesEnrichedAtTheSameMomentOnTwoConnectionsShareAStory() throws Exception {
    OffsetDateTime start = OffsetDateTime.of(2033, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    List<String> stories = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      OffsetDateTime published = start.plusDays(10L * round);
      // Syndicated copies (near-duplicates) and rewrites (same tags) in turn.
      ArticleIngested first = SeedArticles.article(round % 2 == 0 ? "000" : "001", randomId(), published);
      ArticleIngested second = SeedArticles.article(round % 2 == 0 ? "000" : "002", randomId(), published);
      CyclicBarrier together = new CyclicBarrier(2);
      Future<ArticleEnriched> a = WORKERS.submit(() -> {
        together.await();
        return enrichService.enrich(first);
      });
      Future<ArticleEnriched> b = WORKERS.submit(() -> {
        together.await();
        return enrichService.enrich(second);
      });

      String story = a.get(60, TimeUnit.SECONDS).storyId();
      assertThat(b.get(60, TimeUnit.SECONDS).storyId()).as("round %d", round).isEqualTo(story);
      stories.add(story);
    }
    assertThat(stories).doesNotHaveDuplicates();
  }

  @Test
  void aNewRevisionKeepsItsStoryAndTheSameRevisionGivesTheSameResult() {
    OffsetDateTime published = OffsetDateTime.of(2035, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    String story = enrichService.enrich(SeedArticles.article("000", randomId(), published)).storyId();
    ArticleIngested rewrite = SeedArticles.article("001", randomId(), published.plusHours(5));
    ArticleEnriched first = enrichService.enrich(rewrite);
    assertThat(first.storyId()).isEqualTo(story);

    assertThat(enrichService.enrich(rewrite)).isEqualTo(first);

    // The correction is a different text altogether: the article keeps its story all the same, and its new keys.
    Seeds.Seed other = Seeds.seed("003");
    ArticleIngested corrected = new ArticleIngested(rewrite.id(), 2, rewrite.url(), rewrite.source(), other.title(), other.body(), null,
        "en", rewrite.published(), false, rewrite.ingestedAt().plusSeconds(3600), "sha256:" + "cd".repeat(32));
    ArticleEnriched second = enrichService.enrich(corrected);
    assertThat(second.storyId()).isEqualTo(story);
    assertThat(second.enrichedAt()).isAfterOrEqualTo(first.enrichedAt());
    assertThat(enrichService.enrich(corrected)).isEqualTo(second);
    // Replaying revision 1 changes nothing stored.
    assertThat(enrichService.enrich(rewrite).storyId()).isEqualTo(story);
    // The corrected text is what later articles are compared with: a copy of it joins the story.
    assertThat(enrichService.enrich(SeedArticles.article("003", randomId(), published.plusHours(6))).storyId()).isEqualTo(story);
  }

  @Test
  void aStoryIsCountedWhenItsTransactionCommitsNotWhenItRollsBack() {
    // Its own year, so that no other test's article is a candidate.
    ArticleIngested article = SeedArticles.article("003", randomId(), OffsetDateTime.of(2041, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC));
    double before = storiesCounted();

    assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
      enrichService.enrich(article);
      throw new IllegalStateException("rolled back, as when the database goes away before the commit");
    })).hasMessageContaining("rolled back");
    assertThat(storiesCounted()).isEqualTo(before);

    enrichService.enrich(article);
    assertThat(storiesCounted()).isEqualTo(before + 1);
  }

  private double storiesCounted() {
    return meters.find("newsmonitor.stories").counters().stream().mapToDouble(Counter::count).sum();
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
