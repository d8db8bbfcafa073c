package io.newsmonitor.alert.console;

import io.newsmonitor.alert.Ids;
import io.newsmonitor.alert.inbox.Inbox;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.rest.CurrentAnalyst;
import io.newsmonitor.alert.subscription.SavedSubscription;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionDraft;
import io.newsmonitor.alert.subscription.SubscriptionService;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The analyst's subscriptions: the list, creating and editing one with its rule checked as it is typed, pausing, deleting. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

  /** A subscription as its row in the list shows it. */
  public record Row(UUID id, String name, String rule, boolean active, String mode, String channels, Instant lastAlert) {

    public String status() {
      return active ? "active" : "paused";
    }

    public String previewUrl() {
      return Console.withQuery("/console/preview", "rule", rule);
    }
  }

  /** The form's fields as last sent (or as stored, when editing starts); {@code id} is null for a new subscription. */
  public record Form(UUID id, String name, String rule, String webhookUrl, String email, String mode) {

    static Form of(Subscription subscription) {
      return new Form(subscription.id, subscription.name, subscription.rule, subscription.webhookUrl, subscription.email,
          subscription.mode.name().toLowerCase(Locale.ROOT));
    }
  }

  @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance subscriptions(String analyst, List<Row> rows, String flash, String secret);

    static native TemplateInstance subscriptionForm(String analyst, Form form, RuleCheck check, List<FieldError> errors,
        Map<String, String> errorFor);

    static native TemplateInstance ruleCheck(RuleCheck check);
  }

  private final SubscriptionService subscriptions;
  private final Inbox inbox;
  private final TermResolver resolver;
  private final CurrentAnalyst analyst;

  public SubscriptionPages(SubscriptionService subscriptions, Inbox inbox, TermResolver resolver, CurrentAnalyst analyst) {
    this.subscriptions = subscriptions;
    this.inbox = inbox;
    this.resolver = resolver;
    this.analyst = analyst;
  }

  @GET
  @Path("subscriptions")
  public TemplateInstance list(@QueryParam("saved") String saved) {
    return page(saved == null ? null : "Saved " + saved + ".", null);
  }

  @GET
  @Path("subscriptions/new")
  public TemplateInstance create(@QueryParam("rule") String rule) {
    // From the preview's "Subscribe with this rule".
    return form(new Form(null, "", rule == null ? "" : rule, "", "", "immediate"), List.of());
  }

  @GET
  @Path("subscriptions/{id}/edit")
  public TemplateInstance edit(@PathParam("id") String id) {
    return form(Form.of(subscriptions.get(analyst.name(), id)), List.of());
  }

  @POST
  @Path("subscriptions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(@RestForm String name, @RestForm String rule, @RestForm String webhookUrl, @RestForm String webhookSecret,
      @RestForm String email, @RestForm String mode) {
    Form form = new Form(null, name, rule, webhookUrl, email, mode);
    try {
      return saved(subscriptions.create(analyst.name(), new SubscriptionDraft(name, rule, webhookUrl, webhookSecret, email, mode)));
    } catch (ProblemException e) {
      return refused(form, e);
    }
  }

  @POST
  @Path("subscriptions/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(@PathParam("id") String id, @RestForm String name, @RestForm String rule, @RestForm String webhookUrl,
      @RestForm String webhookSecret, @RestForm String email, @RestForm String mode) {
    // A 400 comes only for a subscription the analyst has (the service answers 404 first), so the id is a UUID there.
    Form form = new Form(Ids.parseUuid(id).orElse(null), name, rule, webhookUrl, email, mode);
    try {
      return saved(subscriptions.update(analyst.name(), id, new SubscriptionDraft(name, rule, webhookUrl, webhookSecret, email, mode)));
    } catch (ProblemException e) {
      return refused(form, e);
    }
  }

  @POST
  @Path("subscriptions/{id}/pause")
  public Response pause(@PathParam("id") String id) {
    subscriptions.setActive(analyst.name(), id, false);
    return Console.seeOther("/console/subscriptions");
  }

  @POST
  @Path("subscriptions/{id}/resume")
  public Response resume(@PathParam("id") String id) {
    subscriptions.setActive(analyst.name(), id, true);
    return Console.seeOther("/console/subscriptions");
  }

  @POST
  @Path("subscriptions/{id}/delete")
  public Response delete(@PathParam("id") String id) {
    subscriptions.delete(analyst.name(), id);
    return Console.seeOther("/console/subscriptions");
  }

  /** The #rule-check fragment for a rule being typed: the console's script replaces the fragment with it. */
  @GET
  @Path("rules/check")
  public TemplateInstance check(@QueryParam("rule") String rule) {
    return Templates.ruleCheck(RuleCheck.of(rule, resolver));
  }

  private Response saved(SavedSubscription saved) {
    Subscription subscription = saved.subscription();
    if (saved.secretIssued()) {
      // The generated secret is shown once, on the page the save leads to, and never again: rendered here rather than
      // carried in a redirect's URL.
      return Response.ok(page("Saved " + subscription.name + ".", subscription.webhookSecret)).build();
    }
    return Console.seeOther(Console.withQuery("/console/subscriptions", "saved", subscription.name));
  }

  private Response refused(Form form, ProblemException problem) {
    if (problem.status() != 400) {
      throw problem;
    }
    Map<String, String> errorFor = new LinkedHashMap<>();
    problem.errors().forEach(error -> errorFor.merge(error.field(), error.message(), (first, next) -> first + "; " + next));
    return Response.status(400).entity(form(form, problem.errors(), errorFor)).build();
  }

  private TemplateInstance form(Form form, List<FieldError> errors) {
    return form(form, errors, Map.of());
  }

  private TemplateInstance form(Form form, List<FieldError> errors, Map<String, String> errorFor) {
    return Templates.subscriptionForm(analyst.name(), form, RuleCheck.of(form.rule(), resolver), errors, errorFor);
  }

  private TemplateInstance page(String flash, String secret) {
    String owner = analyst.name();
    Map<UUID, Instant> lastAlerts = inbox.lastAlerts(owner);
    List<Row> rows = new ArrayList<>();
    for (Subscription subscription : subscriptions.list(owner)) {
      rows.add(new Row(subscription.id, subscription.name, subscription.rule, subscription.active, subscription.mode.name().toLowerCase(Locale.ROOT),
          channels(subscription), lastAlerts.get(subscription.id)));
    }
    return Templates.subscriptions(owner, rows, flash, secret);
  }

  private static String channels(Subscription subscription) {
    List<String> channels = new ArrayList<>(List.of("inbox", "news.alerts"));
    if (subscription.webhookUrl != null) {
      channels.add("webhook " + subscription.webhookUrl);
    }
    if (subscription.email != null) {
      channels.add("e-mail " + subscription.email);
    }
    return String.join(", ", channels);
  }
}
