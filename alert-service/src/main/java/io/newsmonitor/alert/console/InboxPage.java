package io.newsmonitor.alert.console;

import io.newsmonitor.alert.Ids;
import io.newsmonitor.alert.inbox.Inbox;
import io.newsmonitor.alert.inbox.InboxItem;
import io.newsmonitor.alert.inbox.InboxQuery;
import io.newsmonitor.alert.inbox.InboxStories;
import io.newsmonitor.alert.inbox.InboxStory;
import io.newsmonitor.alert.rest.CurrentAnalyst;
import io.newsmonitor.alert.subscription.SubscriptionService;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/** The analyst's alerts, one entry per story however many subscriptions matched it, each marked read or unread at once. */
@Path("/console/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

  /** What the inbox shows: every subscription's alerts or one's ({@code subscriptionId} empty for all), or only the unread. */
  public record Filter(String subscriptionId, boolean unread) {

    /** The inbox with this filter, from {@code offset} stories on. */
    public String url(int offset) {
      List<Object> query = new ArrayList<>();
      if (!subscriptionId.isEmpty()) {
        query.addAll(List.of("subscriptionId", subscriptionId));
      }
      if (unread) {
        query.addAll(List.of("unread", true));
      }
      if (offset > 0) {
        query.addAll(List.of("offset", offset));
      }
      return Console.withQuery("/console/inbox", query.toArray());
    }

    public boolean any() {
      return unread || !subscriptionId.isEmpty();
    }

    Optional<UUID> subscription() {
      if (subscriptionId.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(Ids.parseUuid(subscriptionId).orElseThrow(() -> ProblemException.badField("subscriptionId", "must be a UUID")));
    }

    static Filter of(String subscriptionId, boolean unread) {
      return new Filter(subscriptionId == null ? "" : subscriptionId.strip(), unread);
    }
  }

  /** An option of the subscription filter. */
  public record Option(String id, String name, boolean selected) {
  }

  /** Why one of the story's alerts matched: its subscription and the parts of its rule. */
  public record Why(String subscriptionName, List<AlertRaised.Reason> reasons) {
  }

  /**
   * One story as its entry shows it.
   *
   * @param article the article that raised the story's first alert
   * @param alsoReported the story's other articles: the copies folded under its alerts, and those of its other alerts
   */
  public record Story(String storyId, boolean unread, AlertRaised.Article article, Instant matchedAt, List<String> subscriptionNames,
      List<Why> why, List<AlertRaised.Article> alsoReported) {

    static Story of(InboxStory story) {
      List<InboxItem> alerts = story.alerts();
      InboxItem first = alerts.getFirst();
      Map<String, AlertRaised.Article> others = new LinkedHashMap<>();
      for (InboxItem alert : alerts) {
        others.putIfAbsent(alert.article().id(), alert.article());
        alert.alsoReported().forEach(article -> others.putIfAbsent(article.id(), article));
      }
      others.remove(first.article().id());
      return new Story(story.storyId(), alerts.stream().anyMatch(alert -> !alert.read()), first.article(), first.matchedAt(),
          alerts.stream().map(InboxItem::subscriptionName).distinct().toList(),
          alerts.stream().map(alert -> new Why(alert.subscriptionName(), alert.reasons())).toList(),
          List.copyOf(others.values()));
    }
  }

  @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance inbox(String analyst, Filter filter, List<Option> subscriptions, List<Story> stories, String olderUrl,
        String newerUrl);
  }

  private final Inbox inbox;
  private final SubscriptionService subscriptions;
  private final CurrentAnalyst analyst;
  private final int pageSize;

  public InboxPage(Inbox inbox, SubscriptionService subscriptions, CurrentAnalyst analyst,
      @ConfigProperty(name = "alert.console.inbox.page-size") int pageSize) {
    this.inbox = inbox;
    this.subscriptions = subscriptions;
    this.analyst = analyst;
    this.pageSize = pageSize;
  }

  @GET
  public TemplateInstance inbox(@QueryParam("subscriptionId") String subscriptionId, @QueryParam("unread") boolean unread,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    if (offset < 0) {
      throw ProblemException.badField("offset", "must not be negative");
    }
    String owner = analyst.name();
    Filter filter = Filter.of(subscriptionId, unread);
    InboxStories page = inbox.stories(new InboxQuery(owner, filter.unread(), filter.subscription(), pageSize, offset));
    List<Option> options = subscriptions.list(owner).stream()
        .map(subscription -> new Option(subscription.id.toString(), subscription.name, subscription.id.toString().equals(filter.subscriptionId())))
        .toList();
    return Templates.inbox(owner, filter, options, page.stories().stream().map(Story::of).toList(),
        page.more() ? filter.url(offset + pageSize) : null,
        offset > 0 ? filter.url(Math.max(0, offset - pageSize)) : null);
  }

  @POST
  @Path("read")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response read(@RestForm String storyId, @RestForm String subscriptionId, @RestForm boolean unread) {
    return mark(storyId, true, Filter.of(subscriptionId, unread));
  }

  @POST
  @Path("unread")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response unread(@RestForm String storyId, @RestForm String subscriptionId, @RestForm boolean unread) {
    return mark(storyId, false, Filter.of(subscriptionId, unread));
  }

  private Response mark(String storyId, boolean read, Filter filter) {
    if (storyId == null || inbox.markStory(analyst.name(), storyId, read) == 0) {
      throw ProblemException.notFound("story " + storyId);
    }
    return Console.seeOther(filter.url(0));
  }
}
