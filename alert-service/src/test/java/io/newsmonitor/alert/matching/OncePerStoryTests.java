package io.newsmonitor.alert.matching;

import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.alert.Api;
import io.newsmonitor.alert.EnrichedArticles;
import io.newsmonitor.alert.PipelineTest;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A subscription is told once per story, on real Kafka and PostgreSQL: later copies of the story attach to its alert and
 * are delivered nowhere, also when two consumers record two copies at the same moment; a new revision alerts only when the
 * rule newly matches it, and then still once per story.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OncePerStoryTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

  @Inject
  EnrichedArticleConsumer consumer;

  @Inject
  AlertMatchRepository matches;


  @AfterAll
  static void stopWorkers() {
    WORKERS.shutdownNow();
  }

  @Test
  void laterCopiesOfAStoryAttachToItsAlertAndAreNotDelivered() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    String story = "story-" + newArticleId();
    ArticleEnriched first = inStory(article(newArticleId(), 1, true, true), story);
    ArticleEnriched copy = inStory(article(newArticleId(), 1, true, true), story);
    ArticleEnriched rewrite = inStory(article(newArticleId(), 1, true, true), story);
    String marker = newArticleId();

    articles.send(first);
    articles.send(copy);
    articles.send(rewrite);
    articles.send(article(marker, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(alertedArticles()).contains(marker));
    assertThat(alertedArticles()).containsExactlyInAnyOrder(first.article().id(), marker);
    List<AlertMatch> ofStory = matchesOf(subscriptionId).stream().filter(match -> match.storyId.equals(story)).toList();
    AlertMatch alert = ofStory.stream().filter(match -> match.attachedTo == null).findFirst().orElseThrow();
    assertThat(alert.articleId).isEqualTo(first.article().id());
    assertThat(ofStory).filteredOn(match -> match.attachedTo != null)
        .extracting(match -> match.articleId, match -> match.attachedTo)
        .containsExactlyInAnyOrder(tuple(copy.article().id(), alert.id),
            tuple(rewrite.article().id(), alert.id));
    // The attached copy explains itself as part of the story's alert.
    AlertMatch attached = ofStory.stream().filter(match -> match.attachedTo != null).findFirst().orElseThrow();
    assertThat(EventCodec.instance().fromJson(attached.payload, AlertRaised.class).alertId()).isEqualTo(alert.id.toString());
    assertThat(Api.deliveries(subscriptionId).getList("articleId", String.class)).containsOnly(first.article().id(), marker);
    // The inbox has one line for the story, its copies folded under it.
    JsonPath inbox = Api.inbox(Map.of("subscriptionId", subscriptionId));
    assertThat(inbox.getList("article.id", String.class)).containsExactlyInAnyOrder(first.article().id(), marker);
    assertThat(inbox.getList("find { it.storyId == '" + story + "' }.alsoReported.id", String.class))
        .containsExactlyInAnyOrder(copy.article().id(), rewrite.article().id());
  }

  @Test
  void twoCopiesOfAStoryRecordedAtTheSameMomentMakeOneAlert() throws Exception {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    int rounds = 10;
    List<String> stories = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String story = "story-" + newArticleId();
      stories.add(story);
      String one = EventCodec.instance().toJson(inStory(article(newArticleId(), 1, true, true), story));
      String other = EventCodec.instance().toJson(inStory(article(newArticleId(), 1, true, true), story));
      // Two consumers (two instances, or two partitions) each given a copy of the story, at once.
      CyclicBarrier together = new CyclicBarrier(2);
      Future<?> a = WORKERS.submit(() -> {
        together.await();
        consumer.consume(one);
        return null;
      });
      Future<?> b = WORKERS.submit(() -> {
        together.await();
        consumer.consume(other);
        return null;
      });
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
    }

    List<AlertMatch> all = matchesOf(subscriptionId);
    for (String story : stories) {
      List<AlertMatch> ofStory = all.stream().filter(match -> match.storyId.equals(story)).toList();
      assertThat(ofStory).as(story).hasSize(2);
      assertThat(ofStory).as(story).filteredOn(match -> match.attachedTo == null).hasSize(1);
      UUID alert = ofStory.stream().filter(match -> match.attachedTo == null).findFirst().orElseThrow().id;
      assertThat(ofStory).as(story).filteredOn(match -> match.attachedTo != null).singleElement()
          .satisfies(copy -> assertThat(copy.attachedTo).isEqualTo(alert));
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(rounds));
    assertThat(receiver.received()).extracting(post -> EventCodec.instance().fromJson(post.body(), AlertRaised.class).storyId())
        .containsExactlyInAnyOrderElementsOf(stories);
  }

  @Test
  void aRevisionThatNewlyMatchesAlertsAndOneThatMatchedBeforeDoesNot() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    String correctedIntoAMatch = newArticleId();
    String matchedAlready = newArticleId();
    String marker = newArticleId();

    articles.send(article(correctedIntoAMatch, 1, true, false));
    articles.send(article(matchedAlready, 1, true, true));
    articles.send(article(correctedIntoAMatch, 2, true, true));
    articles.send(article(matchedAlready, 2, true, true));
    articles.send(article(marker, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(alertedArticles()).contains(marker));
    assertThat(receiver.received()).extracting(post -> EventCodec.instance().fromJson(post.body(), AlertRaised.class).article())
        .extracting(AlertRaised.Article::id, AlertRaised.Article::revision)
        .containsExactlyInAnyOrder(tuple(correctedIntoAMatch, 2), tuple(matchedAlready, 1),
            tuple(marker, 1));
    assertThat(matchesOf(subscriptionId)).hasSize(3);
  }

  @Test
  void aRevisionThatNewlyMatchesInAStoryAlreadyAlertedAttaches() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    String story = "story-" + newArticleId();
    ArticleEnriched alerted = inStory(article(newArticleId(), 1, true, true), story);
    String corrected = newArticleId();
    String marker = newArticleId();

    articles.send(inStory(article(corrected, 1, true, false), story));
    articles.send(alerted);
    articles.send(inStory(article(corrected, 2, true, true), story));
    articles.send(article(marker, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(alertedArticles()).contains(marker));
    assertThat(alertedArticles()).containsExactlyInAnyOrder(alerted.article().id(), marker);
    AlertMatch correction = matchesOf(subscriptionId).stream().filter(match -> match.articleId.equals(corrected)).findFirst().orElseThrow();
    assertThat(correction.revision).isEqualTo(2);
    assertThat(correction.attachedTo).isNotNull();
  }

  @Test
  void japanAndPillarTwoOnTheSeedsAlertOnceForTheStoryOf000001002AndOnceFor004() {
    String subscriptionId = Api.subscribe("Japan and AUKUS Pillar II", "Japan + Pillar II", receiver.url());
    Map<String, ArticleEnriched> seeds = SeedArticles.enriched();
    String marker = newArticleId();

    seeds.values().forEach(articles::send);
    articles.send(article(marker, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(alertedArticles()).contains(marker));
    List<AlertRaised> alerts = receiver.received().stream().map(post -> EventCodec.instance().fromJson(post.body(), AlertRaised.class))
        .filter(alert -> !alert.article().id().equals(marker))
        .toList();
    assertThat(alerts).extracting(alert -> alert.article().id())
        .containsExactlyInAnyOrder(seeds.get("000").article().id(), seeds.get("004").article().id());
    assertThat(alerts).extracting(AlertRaised::storyId).containsExactlyInAnyOrder(seeds.get("000").storyId(), seeds.get("004").storyId());
    assertThat(alerts).allSatisfy(alert -> assertThat(alert.reasons()).extracting(AlertRaised.Reason::term).containsExactly("Japan", "Pillar II"));
    List<AlertMatch> recorded = matchesOf(subscriptionId);
    assertThat(recorded).filteredOn(match -> match.attachedTo != null).extracting(match -> match.articleId)
        .containsExactlyInAnyOrder(seeds.get("001").article().id(), seeds.get("002").article().id());
    assertThat(recorded).extracting(match -> match.articleId).doesNotContain(seeds.get("003").article().id());
  }

  private static ArticleEnriched inStory(ArticleEnriched article, String story) {
    return new ArticleEnriched(article.article(), article.actors(), article.topics(), story, article.knowledgeBaseVersion(), article.enrichedAt());
  }

  private List<String> alertedArticles() {
    return receiver.received().stream().map(post -> EventCodec.instance().fromJson(post.body(), AlertRaised.class).article().id()).toList();
  }

  private List<AlertMatch> matchesOf(String subscriptionId) {
    return matches.list("subscriptionId", UUID.fromString(subscriptionId));
  }
}
