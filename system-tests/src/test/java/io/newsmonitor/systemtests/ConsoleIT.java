package io.newsmonitor.systemtests;

import static io.newsmonitor.systemtests.Analyst.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.infra.local.LocalPlatform;
import io.newsmonitor.infra.local.WebhookReceiver;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analyst console (issue 7) in a real headless browser, on the whole system run as processes: sign in, subscribe
 * {@code Japan + Pillar II} after seeing {@code Japan + (} refused, preview it on the imported seeds (why 003 does not
 * match), receive its two alerts in the inbox (why they matched), see the deliveries and re-drive one that a second
 * subscription's gone receiver parked; then the same pages on a phone's
 * width and the sign-in with the keyboard alone. axe checks every page. Screenshots of each page go to
 * {@code news.screenshots.dir} ({@code -Dnews.screenshots.dir=$PWD/docs/screenshots} refreshes the README's).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Browser.Installed.class)
class ConsoleIT {

  private static final Path REPO_ROOT = Path.of(System.getProperty("news.repo.root", "..")).toAbsolutePath().normalize();
  private static final String NAME = "Japan and AUKUS Pillar II";
  private static final String RULE = "Japan + Pillar II";
  private static final String BROKEN_RULE = "Japan + (";
  private static final String GONE_NAME = "Japan and AUKUS Pillar II, to a receiver that is gone";
  /** Seeds 000, 001 and 002 report one story, 004 another; 003 mentions Japan but not Pillar II. */
  private static final List<String> MATCHING_SEEDS = List.of("000", "001", "002", "004");
  private static final Duration PIPELINE = Duration.ofSeconds(90);

  @TempDir
  static Path dataDir;

  private static Browser browser;
  private static WebDriver driver;
  private static WebhookReceiver receiver;
  /** A second subscription's receiver: it answers 410 Gone, which parks a delivery at once, until the test brings it back. */
  private static WebhookReceiver gone;
  private static LocalPlatform platform;
  private static final AccessibilityAudit AUDIT = new AccessibilityAudit(Path.of("target", "accessibility.md").toAbsolutePath());

  private static String subscriptionId;
  private static Map<String, String> articleIdBySeed;

  @BeforeAll
  static void startBrowserAndSystem() {
    // The browser first: where it is missing (and required) the class fails before the platform takes its minute to start.
    browser = Browser.start();
    driver = browser.driver();
    receiver = new WebhookReceiver(0);
    gone = new WebhookReceiver(0).respondWith(410);
    platform = ANALYST.knownTo(LocalPlatform.builder())
        .repoRoot(REPO_ROOT)
        .dataDir(dataDir)
        .allowLoopbackWebhooks()
        // The seeds were published in 2024: kept past the 30 days alert-service keeps by default, so that preview finds them.
        .env("ALERT_ARTICLES_RETENTION", "3650d")
        .build();
    platform.start();
  }

  @AfterAll
  static void stopAll() {
    if (browser != null) {
      browser.close();
    }
    if (platform != null) {
      platform.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (gone != null) {
      gone.close();
    }
  }

  @Test
  @Order(1)
  void signingInWithTheRightPasswordOnlyLeadsToTheInbox() {
    open("/console/inbox");
    waitUntil(ExpectedConditions.urlContains("/console/login"));
    assertThat(element("form#login-form").getDomProperty("action")).endsWith("/console/j_security_check");
    assertLabelled("username", "password");
    browser.screenshot("login.png");
    AUDIT.check(driver, "login");

    signIn(ANALYST.name(), "not-the-password");
    WebElement error = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    assertThat(error.getDomAttribute("role")).isEqualTo("alert");
    assertThat(driver.getCurrentUrl()).contains("/console/login");
    AUDIT.check(driver, "login after a wrong password");

    signIn(ANALYST.name(), ANALYST.password());
    waitUntil(ExpectedConditions.urlMatches("/console/inbox(\\?.*)?$"));
    assertThat(element("#signed-in-as").getText()).isEqualTo(ANALYST.name());
    // The header's links, checked once here: the other steps open their pages by address, so that one page's failure
    // leaves the other steps to say what they find.
    assertThat(attributes("#nav-inbox, #nav-subscriptions, #nav-deliveries", "href"))
        .containsExactly("/console/inbox", "/console/subscriptions", "/console/deliveries");
    assertThat(driver.findElements(By.cssSelector("form#sign-out button"))).hasSize(1);
  }

  @Test
  @Order(2)
  void aNewSubscriptionShowsWhereItsRuleFailsThenWhatItMeans() {
    open("/console/subscriptions");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("new-subscription"))).click();
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("subscription-form")));
    assertLabelled("name", "rule", "webhookUrl", "webhookSecret", "email");
    assertThat(element("#rule-check").getDomAttribute("aria-live")).isEqualTo("polite");

    WebElement rule = element("#rule");
    rule.sendKeys(BROKEN_RULE);
    // Typed a key at a time, the check shows each prefix's verdict in turn: wait for the whole rule's.
    waitUntil(page -> caretLines().stream().findFirst().filter(BROKEN_RULE::equals).isPresent());
    List<String> caret = caretLines();
    assertThat(caret).as("the rule, then a caret under the end of the rule, where it fails").hasSizeGreaterThanOrEqualTo(2);
    assertThat(caret.get(0)).isEqualTo(BROKEN_RULE);
    assertThat(caret.get(1)).matches(" *\\^\\s*");
    assertThat(caret.get(1).indexOf('^')).isEqualTo(BROKEN_RULE.length());
    assertThat(element("#rule-check p.rule-message").getText()).contains("end of rule");
    browser.screenshot("rule-error.png");
    AUDIT.check(driver, "new subscription, rule error");

    rule.clear();
    rule.sendKeys(RULE);
    waitUntil(page -> texts("#rule-check ul.rule-meaning li").stream().anyMatch(term -> term.contains("topic AUKUS Pillar II")));
    assertThat(driver.findElements(By.cssSelector("#rule-check .rule-error"))).isEmpty();
    assertThat(texts("#rule-check ul.rule-meaning li"))
        .anySatisfy(term -> assertThat(term).contains("Japan").contains("actor Japan"))
        .anySatisfy(term -> assertThat(term).contains("Pillar II").contains("topic AUKUS Pillar II"));

    element("#name").sendKeys(NAME);
    element("#webhookUrl").sendKeys(receiver.url() + "/alerts");
    element("#mode-immediate").click();
    element("#save").click();
    waitUntil(ExpectedConditions.urlMatches("/console/subscriptions(\\?.*)?$"));
    WebElement row = element("#subscriptions tr[data-name='" + NAME + "']");
    subscriptionId = row.getDomAttribute("data-subscription-id");
    assertThat(subscriptionId).isNotBlank();
    assertThat(row.getText()).contains(RULE).contains("active");
    assertThat(element("#flash").getText()).as("the generated webhook secret, shown once").isNotBlank();
    browser.screenshot("subscriptions.png");
    AUDIT.check(driver, "subscriptions");

    row.findElement(By.cssSelector("a.edit")).click();
    waitUntil(ExpectedConditions.urlContains("/console/subscriptions/" + subscriptionId + "/edit"));
    assertThat(element("#name").getDomProperty("value")).isEqualTo(NAME);
    assertThat(element("#rule").getDomProperty("value")).isEqualTo(RULE);
    assertThat(element("#mode-immediate").isSelected()).isTrue();
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rule-check ul.rule-meaning li")));
    browser.screenshot("subscription-edit.png");
    AUDIT.check(driver, "subscription edit");
  }

  @Test
  @Order(3)
  void theSeedsComeIn() throws Exception {
    // The same rule to a receiver that is gone: the same two stories in the inbox, and two deliveries parked to re-drive.
    HttpResponse<String> created = HttpClient.newHttpClient().send(ANALYST.signIn(HttpRequest.newBuilder(URI.create(platform.alertUrl() + "/api/subscriptions")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + GONE_NAME + "\", \"rule\": \"" + RULE + "\", \"webhookUrl\": \"" + gone.url() + "/gone\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    articleIdBySeed = Seeds.importAll(REPO_ROOT, platform.ingestUrl());
    assertThat(articleIdBySeed).containsOnlyKeys("000", "001", "002", "003", "004");
  }

  @Test
  @Order(4)
  void previewFindsTheMatchingSeedsAndSaysWhy003DoesNot() {
    open("/console/subscriptions/" + subscriptionId + "/edit");
    element("#preview").click();
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
    assertThat(driver.getCurrentUrl()).contains("/console/preview");
    // The seeds are from 2024: only the widest window, everything stored, reaches back to them.
    String allStored = new Select(element("select#days")).getOptions().stream()
        .map(option -> option.getDomProperty("value"))
        .max(Comparator.comparingInt(Integer::parseInt))
        .orElseThrow(() -> new AssertionError("select#days has no option"));
    String preview = "/console/preview?rule=" + URLEncoder.encode(RULE, StandardCharsets.UTF_8) + "&days=" + URLEncoder.encode(allStored, StandardCharsets.UTF_8);

    List<String> matching = MATCHING_SEEDS.stream().map(articleIdBySeed::get).toList();
    eventually(preview, "the four matching seeds in the preview", () ->
        assertThat(attributes("#preview-matches > li.preview-match", "data-article-id")).containsExactlyInAnyOrderElementsOf(matching));
    assertThat(element("#preview-summary").getText()).startsWith("4 ").contains("match");
    for (WebElement match : driver.findElements(By.cssSelector("#preview-matches > li.preview-match"))) {
      assertThat(match.findElements(By.cssSelector("a.title, span.source, time"))).as("title, source and time").hasSizeGreaterThanOrEqualTo(3);
      assertThat(match.findElements(By.cssSelector("ul.reasons li mark"))).as("highlighted snippets of %s", match.getDomAttribute("data-article-id")).isNotEmpty();
      assertThat(match.findElement(By.cssSelector("ul.reasons")).getText()).contains("Japan").contains("Pillar II");
    }
    browser.screenshot("preview.png");
    AUDIT.check(driver, "preview");

    element("#not-matched > li[data-article-id='" + articleIdBySeed.get("003") + "'] a.why-not").click();
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("why-not")));
    assertThat(driver.getCurrentUrl()).contains("articleId=" + articleIdBySeed.get("003"));
    assertThat(element("#why-not p.verdict").getText()).containsIgnoringCase("not");
    assertThat(texts("#why-not ul.failed-parts li")).isNotEmpty().anySatisfy(part -> assertThat(part).contains("Pillar II"));
    assertThat(texts("#why-not .matched-parts li")).anySatisfy(part -> assertThat(part).contains("Japan"));
    browser.screenshot("why-not.png");
    AUDIT.check(driver, "why not");
  }

  @Test
  @Order(5)
  void theInboxHasOneAlertPerStoryAndSaysWhyItMatched() {
    eventually("/console/inbox", "an alert per story in the inbox: 000's (with 001 and 002) and 004's", () ->
        assertThat(driver.findElements(By.cssSelector("#inbox > li.story"))).hasSize(2));

    List<WebElement> stories = driver.findElements(By.cssSelector("#inbox > li.story"));
    assertThat(stories).allSatisfy(story -> assertThat(story.getDomAttribute("class")).contains("unread"));
    assertThat(stories.stream().map(ConsoleIT::otherSources).sorted().toList()).as("other sources folded into each story").containsExactly(0, 2);
    WebElement reportedThrice = stories.stream().filter(story -> otherSources(story) == 2).findFirst().orElseThrow();
    WebElement only004 = stories.stream().filter(story -> otherSources(story) == 0).findFirst().orElseThrow();
    assertThat(only004.findElement(By.cssSelector("a.title")).getText()).contains("preferred partner for AUKUS");
    assertThat(reportedThrice.getText()).contains(NAME);

    WebElement alsoReported = reportedThrice.findElement(By.cssSelector("details.also-reported"));
    assertThat(alsoReported.getDomAttribute("open")).as("the other sources are folded").isNull();
    assertThat(alsoReported.findElement(By.cssSelector("summary")).getText()).contains("2 other sources");
    alsoReported.findElement(By.cssSelector("summary")).click();
    assertThat(alsoReported.findElements(By.cssSelector("li"))).hasSize(2).allSatisfy(source -> assertThat(source.isDisplayed()).isTrue());

    WebElement why = reportedThrice.findElement(By.cssSelector("details.why"));
    assertThat(why.findElement(By.cssSelector("summary")).getText()).isEqualTo("Why it matched");
    assertThat(why.findElement(By.cssSelector("ul.reasons")).isDisplayed()).as("folded until asked").isFalse();
    why.findElement(By.cssSelector("summary")).click();
    WebElement reasons = why.findElement(By.cssSelector("ul.reasons"));
    assertThat(reasons.isDisplayed()).isTrue();
    assertThat(reasons.getText()).contains("Japan").contains("Pillar II");
    assertThat(reasons.findElements(By.tagName("mark"))).isNotEmpty().allSatisfy(mark -> assertThat(mark.isDisplayed()).isTrue());
    browser.screenshot("inbox.png");
    AUDIT.check(driver, "inbox");

    String storyId = reportedThrice.getDomAttribute("data-story-id");
    submitAndAwaitTheNextPage(reportedThrice.findElement(By.cssSelector("form.mark-read button")));
    By story = By.cssSelector("#inbox > li.story[data-story-id='" + storyId + "']");
    WebElement read = waitUntil(ExpectedConditions.presenceOfElementLocated(story));
    assertThat(read.getDomAttribute("class")).doesNotContain("unread");
    assertThat(read.findElements(By.cssSelector("form.mark-unread button"))).hasSize(1);
    assertThat(element("#inbox > li.story:not([data-story-id='" + storyId + "'])").getDomAttribute("class")).contains("unread");
  }

  @Test
  @Order(6)
  void deliveriesShowWhatWasDeliveredAndWhatWasParkedWhichIsReDrivenOnceItsReceiverIsBack() {
    eventually("/console/deliveries", "two webhook deliveries delivered, two parked", () -> {
      assertThat(channelStatus("webhook", "delivered")).isEqualTo("2");
      assertThat(driver.findElements(By.cssSelector("#parked tr.parked"))).hasSize(2);
    });
    assertThat(receiver.received()).hasSize(2);
    List<WebElement> parked = driver.findElements(By.cssSelector("#parked tr.parked"));
    assertThat(parked).allSatisfy(row -> assertThat(row.getText()).contains(GONE_NAME).contains("410"));
    browser.screenshot("deliveries.png");
    AUDIT.check(driver, "deliveries");

    gone.respondWith(200);
    String redriven = parked.getFirst().getDomAttribute("data-delivery-id");
    submitAndAwaitTheNextPage(parked.getFirst().findElement(By.cssSelector("form.redrive button")));
    eventually("/console/deliveries", "the re-driven delivery delivered, the other still parked", () -> {
      assertThat(channelStatus("webhook", "delivered")).isEqualTo("3");
      assertThat(driver.findElements(By.cssSelector("#parked tr.parked"))).hasSize(1)
          .allSatisfy(row -> assertThat(row.getDomAttribute("data-delivery-id")).isNotEqualTo(redriven));
    });
    assertThat(gone.received()).extracting(WebhookReceiver.Request::status).containsExactly(410, 410, 200);
  }

  @Test
  @Order(7)
  void onAPhonesWidthNoPageScrollsSideways() {
    browser.viewport(Browser.NARROW);
    try {
      for (String page : List.of("/console/inbox", "/console/subscriptions", "/console/subscriptions/" + subscriptionId + "/edit")) {
        open(page);
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        long viewport = number("return window.innerWidth");
        assertThat(viewport).as("%s lays out at the phone's width (<meta name=viewport content=width=device-width>)", page).isEqualTo(Browser.NARROW.getWidth());
        assertThat(number("return document.documentElement.scrollWidth")).as("%s width of the content, no sideways scroll", page).isLessThanOrEqualTo(viewport);
        if (page.equals("/console/inbox")) {
          browser.screenshot("inbox-narrow.png");
          AUDIT.check(driver, "inbox, narrow");
        }
      }
    } finally {
      browser.viewport(Browser.WIDE);
    }
  }

  @Test
  @Order(8)
  void signingInNeedsOnlyTheKeyboardAndLeadsBackToThePageAsked() {
    submitAndAwaitTheNextPage(element("form#sign-out button"));
    open("/console/deliveries");
    waitUntil(ExpectedConditions.urlContains("/console/login"));

    List<String> focusOrder = new ArrayList<>();
    focusOrder.add(activeElementId());
    Actions keyboard = new Actions(driver);
    for (int tab = 0; tab < 15 && !focusOrder.getLast().equals("sign-in"); tab++) {
      switch (focusOrder.getLast()) {
        case "username" -> keyboard.sendKeys(ANALYST.name()).perform();
        case "password" -> keyboard.sendKeys(ANALYST.password()).perform();
        default -> { }
      }
      keyboard.sendKeys(Keys.TAB).perform();
      focusOrder.add(activeElementId());
    }
    assertThat(focusOrder).as("ids focused by Tab").filteredOn(id -> List.of("username", "password", "sign-in").contains(id))
        .containsExactly("username", "password", "sign-in");
    keyboard.sendKeys(Keys.ENTER).perform();
    waitUntil(ExpectedConditions.urlMatches("/console/deliveries(\\?.*)?$"));
    assertThat(element("#signed-in-as").getText()).isEqualTo(ANALYST.name());
  }

  @Test
  @Order(9)
  void noPageHasASeriousOrCriticalAccessibilityViolation() {
    AUDIT.assertNoSeriousOrCriticalViolation();
  }

  @Test
  @Order(10)
  void aRuleTypedAfterTheSessionEndedSaysItCouldNotBeCheckedInsteadOfShowingNothing() {
    open("/console/subscriptions/new");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("subscription-form")));
    driver.manage().deleteCookieNamed("newsmonitor-console");

    element("#rule").sendKeys(RULE);

    waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rule-check p.rule-unchecked")));
    assertThat(element("#rule-check p.rule-unchecked").getText()).contains("signed out").contains("reload the page");
    assertThat(driver.findElements(By.cssSelector("#rule-check ul.rule-meaning, #rule-check form"))).as("no verdict, no sign-in form").isEmpty();
  }

  /**
   * Clicks a form's button and waits for the page the server answers with: a mark left on this page is gone. Not by waiting
   * for an element of this page to go stale: while it navigates, Chromium may answer about such an element "Node with given
   * id does not belong to the document", which is no stale-element error.
   */
  private static void submitAndAwaitTheNextPage(WebElement button) {
    JavascriptExecutor page = (JavascriptExecutor) driver;
    page.executeScript("window.consoleItLeftPage = true");
    button.click();
    waitUntil(next -> Boolean.TRUE.equals(((JavascriptExecutor) next).executeScript("return window.consoleItLeftPage === undefined")));
  }

  private static void open(String path) {
    driver.get(platform.alertUrl() + path);
  }

  private static void signIn(String name, String password) {
    element("#username").clear();
    element("#username").sendKeys(name);
    element("#password").sendKeys(password);
    element("#sign-in").click();
  }

  /** The lines of the rule check's caret: the rule, then a ^ under where it fails. */
  private static List<String> caretLines() {
    return element("#rule-check .rule-error pre.caret").getDomProperty("textContent").lines().toList();
  }

  private static WebElement element(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  private static List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static List<String> attributes(String css, String attribute) {
    return driver.findElements(By.cssSelector(css)).stream().map(element -> element.getDomAttribute(attribute)).toList();
  }

  /** Each form field has a visible label bound to it. */
  private static void assertLabelled(String... fieldIds) {
    for (String id : fieldIds) {
      assertThat(driver.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for #%s", id)
          .anySatisfy(label -> assertThat(label.getText()).isNotBlank());
    }
  }

  private static <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(condition);
  }

  /** Server-rendered pages show what the pipeline has done so far: reloads {@code path} until {@code assertion} holds. */
  private static void eventually(String path, String what, Runnable assertion) {
    await(what).atMost(PIPELINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      open(path);
      assertion.run();
    });
  }

  private static int otherSources(WebElement story) {
    return story.findElements(By.cssSelector("details.also-reported li")).size();
  }

  /** The cell of table#channel-status in the row of {@code channel}, under the column headed {@code column}. */
  private static String channelStatus(String channel, String column) {
    List<WebElement> rows = driver.findElements(By.cssSelector("#channel-status tr"));
    List<String> headings = rows.getFirst().findElements(By.cssSelector("th, td")).stream().map(cell -> cell.getText().trim().toLowerCase()).toList();
    int index = headings.indexOf(column);
    assertThat(index).as("column %s among %s", column, headings).isNotNegative();
    WebElement row = rows.stream()
        .filter(tr -> !tr.findElements(By.cssSelector("th, td")).isEmpty())
        .filter(tr -> tr.findElements(By.cssSelector("th, td")).getFirst().getText().trim().equalsIgnoreCase(channel))
        .findFirst().orElseThrow(() -> new AssertionError("no row for " + channel + " in table#channel-status"));
    return row.findElements(By.cssSelector("th, td")).get(index).getText().trim();
  }

  private static long number(String script) {
    return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
  }

  private static String activeElementId() {
    return Objects.requireNonNullElse(driver.switchTo().activeElement().getDomAttribute("id"), "");
  }
}
