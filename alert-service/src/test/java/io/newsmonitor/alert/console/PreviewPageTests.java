package io.newsmonitor.alert.console;

import static io.newsmonitor.alert.Api.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.preview.StoredArticles;
import io.newsmonitor.alert.preview.StoredSeeds;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's preview on real Kafka and PostgreSQL, over the five seeds as the consumer stored them: the matches with
 * their words marked, the articles not matched, and why one of them is not.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PreviewPageTests {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Inject
  StoredArticles storedArticles;

  @BeforeEach
  void storeSeedsThroughTheTopic() {
    StoredSeeds.storeThroughTheTopic(RUN, storedArticles);
  }

  @Test
  void theMatchesOfARuleAreListedWithTheirWordsMarkedAndTheOthersWithAWhyNotLink() {
    Document page = ConsoleSession.signIn(ALICE).page(Console.withQuery("/console/preview", "rule", "Japan + Pillar II"));

    assertThat(page.select("#rule-check ul.rule-meaning li")).hasSize(2);
    assertThat(seeds(page.select("ol#preview-matches li.preview-match"))).containsExactly("000", "001", "002", "004");
    Element first = page.selectFirst("li.preview-match[data-article-id=" + StoredSeeds.id(RUN, "000") + "]");
    assertThat(first.select("a.title").attr("href")).isEqualTo("https://example.org/seeds/000");
    assertThat(first.select("ul.reasons mark")).extracting(Element::text).contains("Japan", "Pillar II");
    assertThat(page.select("#preview-summary").text()).contains("match");
    assertThat(seeds(page.select("ol#not-matched li"))).containsExactly("003");
    assertThat(page.select("#subscribe-with-rule").attr("href")).isEqualTo("/console/subscriptions/new?rule=Japan+%2B+Pillar+II");
  }

  @Test
  void whyNotShowsThePartsThatFailedForAnArticleTheRuleDoesNotMatch() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Document preview = alice.page(Console.withQuery("/console/preview", "rule", "Japan + Pillar II"));
    String whyNot = preview.selectFirst("ol#not-matched li[data-article-id=" + StoredSeeds.id(RUN, "003") + "] a.why-not").attr("href");

    Document page = alice.page(whyNot.replaceFirst("#.*$", ""));
    Element section = page.selectFirst("section#why-not");
    assertThat(section.select(".verdict").text()).contains("does not match");
    assertThat(section.select("ul.failed-parts li")).extracting(Element::text).containsExactly("Pillar II");
    assertThat(section.select(".matched-parts ul.reasons > li code")).extracting(Element::text).containsExactly("Japan");
  }

  @Test
  void aRuleThatDoesNotParseShowsWhereAndRunsNothing() {
    Document page = ConsoleSession.signIn(ALICE).page(Console.withQuery("/console/preview", "rule", "Japan + ("));

    assertThat(page.select("#rule-check pre.caret")).hasSize(1);
    assertThat(page.select("#preview-matches")).isEmpty();
  }

  @Test
  void theEditFormsPreviewButtonPostsTheRuleBeingEdited() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Element form = alice.page("/console/subscriptions/new").selectFirst("form#subscription-form");
    form.attr("action", form.selectFirst("button#preview").attr("formaction"));

    Document page = Jsoup.parse(alice.submit(form, Map.of("rule", "Japan + Pillar II")).then().statusCode(200).extract().asString());
    assertThat(seeds(page.select("ol#preview-matches li.preview-match"))).containsExactly("000", "001", "002", "004");
  }

  /** The seed numbers ("000" …) of this run among the articles listed. */
  private static List<String> seeds(List<Element> items) {
    return items.stream().map(item -> item.attr("data-article-id"))
        .filter(id -> id.startsWith(StoredSeeds.id(RUN, "000").substring(0, 12)))
        .map(id -> id.substring(id.length() - 3))
        .toList();
  }
}
