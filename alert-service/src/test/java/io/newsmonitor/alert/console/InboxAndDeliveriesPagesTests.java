package io.newsmonitor.alert.console;

import static io.newsmonitor.alert.Api.ALICE;
import static io.newsmonitor.alert.Api.BOB;
import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.alert.Api;
import io.newsmonitor.alert.EnrichedArticles;
import io.newsmonitor.alert.PipelineTest;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The inbox and deliveries pages of the console on real Kafka and PostgreSQL: alerts grouped by story whichever
 * subscriptions matched it, read marks through the story's form (with its CSRF token, and refused without), the filter,
 * the counts per channel, parked deliveries with their errors re-driven through their forms, and one analyst never seeing
 * or changing another's. One class for both pages: they share the profile, so the application starts once.
 */
@QuarkusTest
@TestProfile(InboxAndDeliveriesPagesTests.ShortRetriesShortPages.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class InboxAndDeliveriesPagesTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int MAX_ATTEMPTS = 2;

  private static final int STORIES_PER_PAGE = 3;

  /**
   * Deliveries are parked after two failed attempts, so that a test sees one parked in a moment; a few stories make a page of
   * the inbox. Nothing listens on port 1: every e-mail fails.
   */
  public static class ShortRetriesShortPages implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("alert.delivery.max-attempts", String.valueOf(MAX_ATTEMPTS),
          "alert.console.inbox.page-size", String.valueOf(STORIES_PER_PAGE),
          "quarkus.mailer.port", "1");
    }
  }

  @Test
  void aStoryMatchedByTwoSubscriptionsIsOneEntryWithItsOtherArticlesFoldedUnderIt() {
    subscribe("Japan", "Japan");
    subscribe("AUKUS", "Pillar II");
    // Both subscriptions match the story's first article; its later copy attaches to both alerts.
    String story = "story-" + newArticleId();
    ArticleEnriched first = inStory(article(newArticleId(), 1, true, true), story);
    ArticleEnriched copy = inStory(article(newArticleId(), 1, true, true), story);
    // Japan matches this story's first article, AUKUS only its second, which raises AUKUS's own alert in the same story.
    String laterStory = "story-" + newArticleId();
    ArticleEnriched japanFirst = inStory(article(newArticleId(), 1, true, false), laterStory);
    ArticleEnriched aukusToo = inStory(article(newArticleId(), 1, true, true), laterStory);
    String japanOnly = newArticleId();

    articles.send(first);
    articles.send(copy);
    articles.send(japanFirst);
    articles.send(aukusToo);
    articles.send(article(japanOnly, 1, true, false));
    awaitAlertOf(japanOnly);

    Document inbox = ConsoleSession.signIn(ALICE).page("/console/inbox");
    assertThat(inbox.select("ol#inbox > li.story")).extracting(entry -> entry.attr("data-story-id"))
        .as("newest story first, one entry per story").containsExactly("story-" + japanOnly, laterStory, story);
    Element entry = inbox.selectFirst("li.story[data-story-id=" + story + "]");
    assertThat(entry.classNames()).contains("unread");
    assertThat(entry.select(".read-state").text()).as("not told by colour alone").isEqualTo("Unread");
    assertThat(entry.select("h2 a.title").text()).isEqualTo(EnrichedArticles.TITLE);
    assertThat(entry.select("a.title").attr("href")).isEqualTo(first.article().url());
    assertThat(entry.select("span.source").first().text()).isEqualTo("ICARO Media Group");
    assertThat(entry.select("time").first().attr("datetime")).isEqualTo("2024-04-08T19:56:00Z");
    assertThat(entry.select(".subscriptions").text()).contains("Japan", "AUKUS");

    Element why = entry.selectFirst("details.why");
    assertThat(why.select("summary").text()).isEqualTo("Why it matched");
    assertThat(why.select(".why-subscription")).extracting(Element::text).containsExactlyInAnyOrder("Japan", "AUKUS");
    assertThat(why.select("ul.reasons > li code")).extracting(Element::text).containsExactlyInAnyOrder("Japan", "Pillar II");
    assertThat(why.select("ul.reasons mark")).isNotEmpty();

    Element alsoReported = entry.selectFirst("details.also-reported");
    assertThat(alsoReported.select("summary").text()).isEqualTo("1 other source");
    assertThat(alsoReported.select("li a")).extracting(link -> link.attr("href")).containsExactly(copy.article().url());

    Element later = inbox.selectFirst("li.story[data-story-id=" + laterStory + "]");
    assertThat(later.select("a.title").attr("href")).isEqualTo(japanFirst.article().url());
    assertThat(later.select(".why-subscription")).extracting(Element::text).containsExactly("Japan", "AUKUS");
    assertThat(later.select("details.also-reported li a")).as("AUKUS's alert and Japan's attached copy are one article")
        .extracting(link -> link.attr("href")).containsExactly(aukusToo.article().url());
    assertThat(inbox.select("li.story[data-story-id=story-" + japanOnly + "] details.also-reported")).isEmpty();
    assertThat(inbox.select("nav.pager a")).as("one page").isEmpty();
  }

  @Test
  void olderStoriesAreOnTheNextPageWithTheFilterKept() {
    String japan = subscribe("Japan", "Japan");
    subscribe("AUKUS", "Pillar II");
    List<String> sent = new ArrayList<>();
    for (int story = 0; story <= STORIES_PER_PAGE; story++) {
      sent.add(newArticleId());
      articles.send(article(sent.getLast(), 1, true, true));
    }
    awaitAlertOf(sent.getLast());
    ConsoleSession alice = ConsoleSession.signIn(ALICE);

    Document first = alice.page("/console/inbox?subscriptionId=" + japan);
    assertThat(first.select("li.story")).extracting(entry -> entry.attr("data-story-id"))
        .containsExactlyElementsOf(sent.reversed().subList(0, STORIES_PER_PAGE).stream().map(id -> "story-" + id).toList());
    assertThat(first.select("nav.pager a.newer")).isEmpty();
    String older = first.selectFirst("nav.pager a.older").attr("href");
    assertThat(older).isEqualTo("/console/inbox?subscriptionId=" + japan + "&offset=" + STORIES_PER_PAGE);

    Document second = alice.page(older);
    assertThat(second.select("li.story")).extracting(entry -> entry.attr("data-story-id")).containsExactly("story-" + sent.getFirst());
    assertThat(second.select("li.story .why-subscription")).extracting(Element::text).containsExactly("Japan");
    assertThat(second.select("nav.pager a.older")).isEmpty();
    assertThat(second.selectFirst("nav.pager a.newer").attr("href")).isEqualTo("/console/inbox?subscriptionId=" + japan);
    alice.request().get("/console/inbox?subscriptionId=not-an-id").then().statusCode(400);
  }

  @Test
  void aStoryIsMarkedReadAndUnreadThroughItsFormAndTheFilterIsKept() {
    String japan = subscribe("Japan", "Japan");
    String aukus = subscribe("AUKUS", "Pillar II");
    String both = newArticleId();
    String japanOnly = newArticleId();
    articles.send(article(both, 1, true, true));
    articles.send(article(japanOnly, 1, true, false));
    awaitAlertOf(japanOnly);
    ConsoleSession alice = ConsoleSession.signIn(ALICE);

    Document filtered = alice.page("/console/inbox?subscriptionId=" + japan + "&unread=true");
    Element filter = filtered.selectFirst("form#inbox-filter");
    assertThat(filter.select("label[for=subscription]")).hasSize(1);
    assertThat(filter.select("label[for=unread]")).hasSize(1);
    assertThat(filter.select("select#subscription[name=subscriptionId] option")).extracting(Element::text).containsExactly("All subscriptions", "Japan", "AUKUS");
    assertThat(filter.select("option[selected]").val()).isEqualTo(japan);
    assertThat(filter.select("input#unread[name=unread]").hasAttr("checked")).isTrue();
    assertThat(filtered.select("li.story")).hasSize(2);

    Response marked = alice.submit(filtered.selectFirst("li.story[data-story-id=story-" + both + "] form.mark-read"), Map.of());
    assertThat(marked.statusCode()).as(marked.asString()).isEqualTo(303);
    String back = path(marked.header("Location"));
    assertThat(back).isEqualTo("/console/inbox?subscriptionId=" + japan + "&unread=true");
    assertThat(alice.page(back).select("li.story")).extracting(entry -> entry.attr("data-story-id")).containsExactly("story-" + japanOnly);
    assertThat(Api.inbox(Map.of("unread", true)).getList("article.id", String.class))
        .as("the story's alerts of both subscriptions are read").containsExactly(japanOnly);

    Document ofAukus = alice.page("/console/inbox?subscriptionId=" + aukus);
    Element readStory = ofAukus.selectFirst("li.story[data-story-id=story-" + both + "]");
    assertThat(ofAukus.select("li.story")).hasSize(1);
    assertThat(readStory.classNames()).doesNotContain("unread");
    assertThat(readStory.select(".read-state").text()).isEqualTo("Read");
    Element markUnread = readStory.selectFirst("form.mark-unread");
    assertThat(markUnread.select("button").attr("aria-label")).isEqualTo("Mark unread: " + EnrichedArticles.TITLE);

    Element forged = markUnread.clone();
    forged.select("input[name=csrf-token]").remove();
    assertThat(alice.submit(forged, Map.of()).statusCode()).as("without the CSRF token").isEqualTo(400);
    assertThat(Api.inbox(Map.of("unread", true)).getList("article.id", String.class)).containsExactly(japanOnly);

    assertThat(path(alice.submit(markUnread, Map.of()).header("Location"))).isEqualTo("/console/inbox?subscriptionId=" + aukus);
    assertThat(Api.inbox(Map.of("unread", true)).getList("article.id", String.class)).containsExactlyInAnyOrder(both, both, japanOnly);
    assertThat(alice.page("/console/inbox?unread=true").select("li.story.unread")).hasSize(2);
  }

  @Test
  void anotherAnalystSeesNoneOfTheInboxAndCannotMarkIt() {
    subscribe("Japan", "Japan");
    String alicesArticle = newArticleId();
    articles.send(article(alicesArticle, 1, true, false));
    awaitAlertOf(alicesArticle);
    ConsoleSession bob = ConsoleSession.signIn(BOB);

    Document bobsInbox = bob.page("/console/inbox");
    assertThat(bobsInbox.select("li.story")).isEmpty();
    assertThat(bobsInbox.select("#inbox-empty").text()).startsWith("No alert yet");
    assertThat(bobsInbox.select("select#subscription option")).extracting(Element::text).containsExactly("All subscriptions");

    // Bob's own CSRF token, on a form he makes up to mark Alice's story.
    Element forged = bobsInbox.selectFirst("form#sign-out").attr("action", "/console/inbox/read");
    assertThat(bob.submit(forged, Map.of("storyId", "story-" + alicesArticle)).statusCode()).isEqualTo(404);
    assertThat(Api.inbox(Map.of("unread", true)).getList("article.id", String.class)).containsExactly(alicesArticle);
  }

  @Test
  void aParkedWebhookDeliveryIsListedWithItsErrorAndReDrivenThroughItsForm() {
    receiver.respondWith(503);
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url("/hooks/alerts"));
    articles.send(article(newArticleId(), 1, true, true));
    String deliveryId = awaitParked(subscriptionId, 1).getFirst();
    await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "kafka").getString("[0].status"), "DELIVERED"::equals);
    ConsoleSession alice = ConsoleSession.signIn(ALICE);

    Document page = alice.page("/console/deliveries");
    assertThat(counts(page, "webhook")).containsExactly("0", "0", "1");
    assertThat(counts(page, "kafka")).containsExactly("0", "1", "0");
    assertThat(counts(page, "email")).containsExactly("0", "0", "0");
    Element parked = page.selectFirst("table#parked tr.parked[data-delivery-id=" + deliveryId + "]");
    assertThat(page.select("table#parked tr.parked")).hasSize(1);
    assertThat(parked.select("td[data-label=Subscription]").text()).isEqualTo("Japan and AUKUS");
    assertThat(parked.select("td[data-label=Channel]").text()).isEqualTo("webhook");
    assertThat(parked.select("td[data-label=Target]").text()).isEqualTo(receiver.url("/hooks/alerts"));
    assertThat(parked.select("td[data-label=Attempts]").text()).isEqualTo(String.valueOf(MAX_ATTEMPTS));
    assertThat(parked.select("td[data-label=Last error]").text()).contains("503");
    assertThat(parked.select("td[data-label=Created] time").attr("datetime")).isNotBlank();
    Element redriveAll = page.selectFirst("form.redrive-all[data-subscription-id=" + subscriptionId + "] button");
    assertThat(redriveAll.text()).isEqualTo("Re-drive all 1");
    assertThat(redriveAll.attr("aria-label")).isEqualTo("Re-drive all 1 parked delivery of Japan and AUKUS");
    assertThat(parked.select("form.redrive button").attr("aria-label")).endsWith(" to " + receiver.url("/hooks/alerts"));
    assertThat(page.select("table#recent-deliveries tr[data-delivery-id=" + deliveryId + "] td[data-label=Status]").text()).isEqualTo("FAILED");

    Element redrive = parked.selectFirst("form.redrive");
    Element forged = redrive.clone();
    forged.select("input[name=csrf-token]").remove();
    assertThat(alice.submit(forged, Map.of()).statusCode()).as("without the CSRF token").isEqualTo(400);
    assertThat(Api.deliveries(subscriptionId, "webhook").getString("[0].status")).isEqualTo("FAILED");

    receiver.respondWith(200);
    Response redriven = alice.submit(redrive, Map.of());
    assertThat(redriven.statusCode()).as(redriven.asString()).isEqualTo(303);
    assertThat(alice.page(path(redriven.header("Location"))).select("#flash").text()).startsWith("Re-driven 1 delivery");
    await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "webhook").getString("[0].status"), "DELIVERED"::equals);

    Document after = alice.page("/console/deliveries");
    assertThat(after.select("tr.parked")).isEmpty();
    assertThat(after.select("#no-parked")).hasSize(1);
    assertThat(counts(after, "webhook")).containsExactly("0", "1", "0");
    assertThat(after.select("table#recent-deliveries tr[data-delivery-id=" + deliveryId + "] td[data-label=Status]").text()).isEqualTo("DELIVERED");
    assertThat(receiver.received()).hasSize(MAX_ATTEMPTS + 1);

    assertThat(path(alice.submit(redrive, Map.of()).header("Location"))).as("a second click re-drives nothing")
        .isEqualTo("/console/deliveries?redriven=0");
    assertThat(alice.page("/console/deliveries?redriven=0").select("#flash").text()).startsWith("Nothing was re-driven");
  }

  @Test
  void aParkedEmailDeliveryIsListedWithTheSmtpErrorAndReDrivenThroughItsForm() {
    String subscriptionId = Api.given().contentType(ContentType.JSON)
        .body(Map.of("name", "By e-mail", "rule", "Japan + Pillar II", "email", "analyst@example.org"))
        .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
    articles.send(article(newArticleId(), 1, true, true));
    String deliveryId = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "email"), d -> "FAILED".equals(d.getString("[0].status")))
        .getString("[0].id");
    ConsoleSession alice = ConsoleSession.signIn(ALICE);

    Document page = alice.page("/console/deliveries");
    assertThat(counts(page, "email")).containsExactly("0", "0", "1");
    Element parked = page.selectFirst("table#parked tr.parked[data-delivery-id=" + deliveryId + "]");
    assertThat(parked.select("td[data-label=Channel]").text()).isEqualTo("email");
    assertThat(parked.select("td[data-label=Target]").text()).isEqualTo("analyst@example.org");
    assertThat(parked.select("td[data-label=Attempts]").text()).isEqualTo(String.valueOf(MAX_ATTEMPTS));
    assertThat(parked.select("td[data-label=Last error]").text()).startsWith("SMTP localhost:1: ").containsIgnoringCase("refused");

    Response redriven = alice.submit(parked.selectFirst("form.redrive"), Map.of());
    assertThat(redriven.statusCode()).as(redriven.asString()).isEqualTo(303);
    assertThat(alice.page(path(redriven.header("Location"))).select("#flash").text()).startsWith("Re-driven 1 delivery");
    // Tried again from the first attempt, and parked again: the server still refuses.
    await().atMost(WAIT).untilAsserted(() -> {
      JsonPath email = Api.deliveries(subscriptionId, "email");
      assertThat(email.getList("id", String.class)).containsExactly(deliveryId);
      assertThat(email.getString("[0].status")).isEqualTo("FAILED");
      assertThat(email.getInt("[0].attempts")).isEqualTo(MAX_ATTEMPTS);
    });
  }

  @Test
  void everyParkedDeliveryOfASubscriptionIsReDrivenAtOnceAndOnlyByItsOwner() {
    receiver.respondWith(503);
    String subscriptionId = Api.subscribe("Japan", "Japan", receiver.url());
    articles.send(article(newArticleId(), 1, true, false));
    articles.send(article(newArticleId(), 1, true, false));
    List<String> parked = awaitParked(subscriptionId, 2);

    ConsoleSession bob = ConsoleSession.signIn(BOB);
    Document bobsPage = bob.page("/console/deliveries");
    assertThat(bobsPage.select("tr.parked, form.redrive-all")).isEmpty();
    assertThat(bobsPage.select("#no-deliveries")).hasSize(1);
    assertThat(counts(bobsPage, "webhook")).containsExactly("0", "0", "0");
    Element bobsForm = bobsPage.selectFirst("form#sign-out");
    assertThat(bob.submit(bobsForm.clone().attr("action", "/console/deliveries/" + parked.getFirst() + "/redrive"), Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(bob.submit(bobsForm.clone().attr("action", "/console/deliveries/redrive?subscriptionId=" + subscriptionId), Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(Api.deliveries(subscriptionId, "webhook").getList("status", String.class)).containsExactly("FAILED", "FAILED");

    receiver.respondWith(200);
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Document page = alice.page("/console/deliveries");
    assertThat(counts(page, "webhook")).containsExactly("0", "0", "2");
    Element redriveAll = page.selectFirst("form.redrive-all[data-subscription-id=" + subscriptionId + "]");
    assertThat(redriveAll.select("button").attr("aria-label")).isEqualTo("Re-drive all 2 parked deliveries of Japan");

    Response redriven = alice.submit(redriveAll, Map.of());
    assertThat(redriven.statusCode()).as(redriven.asString()).isEqualTo(303);
    assertThat(alice.page(path(redriven.header("Location"))).select("#flash").text()).startsWith("Re-driven 2 deliveries");
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(Api.deliveries(subscriptionId, "webhook").getList("status", String.class)).containsExactly("DELIVERED", "DELIVERED"));
    assertThat(counts(alice.page("/console/deliveries"), "webhook")).containsExactly("0", "2", "0");
  }

  private static String subscribe(String name, String rule) {
    return Api.given().contentType(ContentType.JSON).body(Map.of("name", name, "rule", rule))
        .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
  }

  /** Records are consumed in the order produced: once this article's alert is in the inbox, those sent before it are done. */
  private static void awaitAlertOf(String articleId) {
    await().atMost(WAIT).until(() -> Api.inbox(Map.of()).getList("article.id", String.class), ids -> ids.contains(articleId));
  }

  /** The ids of the subscription's webhook deliveries once {@code count} of them are all parked. */
  private static List<String> awaitParked(String subscriptionId, int count) {
    await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "webhook").getList("status", String.class),
        statuses -> statuses.size() == count && statuses.stream().allMatch("FAILED"::equals));
    return Api.deliveries(subscriptionId, "webhook").getList("id", String.class);
  }

  /** The pending, delivered and failed counts of a channel in table#channel-status. */
  private static List<String> counts(Document page, String channel) {
    Element row = page.selectFirst("table#channel-status tr[data-channel=" + channel + "]");
    return List.of(row.select("td[data-label=Pending]").text(), row.select("td[data-label=Delivered]").text(),
        row.select("td[data-label=Failed]").text());
  }

  private static ArticleEnriched inStory(ArticleEnriched article, String story) {
    return new ArticleEnriched(article.article(), article.actors(), article.topics(), story, article.knowledgeBaseVersion(), article.enrichedAt());
  }

  /** A redirect's target as a link of the page: without scheme and host. */
  private static String path(String location) {
    return location.replaceFirst("^https?://[^/]+", "");
  }
}
