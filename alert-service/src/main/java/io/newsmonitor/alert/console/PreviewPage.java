package io.newsmonitor.alert.console;

import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.preview.PreviewRequest;
import io.newsmonitor.alert.preview.PreviewResult;
import io.newsmonitor.alert.preview.PreviewService;
import io.newsmonitor.alert.rest.CurrentAnalyst;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A rule tried on the stored articles before subscribing with it: what it matches, with the words marked, and for any
 * recent article it does not match, why not.
 */
@Path("/console/preview")
@Produces(MediaType.TEXT_HTML)
public class PreviewPage {

  /** Articles listed as not matched, for the analyst to ask why. */
  static final int NOT_MATCHED_SHOWN = 20;

  /**
   * A window the page offers.
   *
   * @param label e.g. {@code last 7 days}, {@code everything stored}
   */
  public record Window(int days, String label, boolean selected) {
  }

  /** A recent article the rule does not match, with the link that asks why. */
  public record Unmatched(ArticleIngested article, String whyNotUrl) {
  }

  @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance preview(String analyst, RuleCheck check, List<Window> windows, int days, PreviewResult result,
        List<Unmatched> notMatched, String articleMissing, String subscribeUrl);
  }

  private final PreviewService previews;
  private final TermResolver resolver;
  private final CurrentAnalyst analyst;

  public PreviewPage(PreviewService previews, TermResolver resolver, CurrentAnalyst analyst) {
    this.previews = previews;
    this.resolver = resolver;
    this.analyst = analyst;
  }

  @GET
  public TemplateInstance preview(@QueryParam("rule") String rule, @QueryParam("days") Integer days, @QueryParam("articleId") String articleId) {
    RuleCheck check = RuleCheck.of(rule, resolver);
    int window = days == null ? previews.maxDays() : Math.clamp(days, 1, previews.maxDays());
    PreviewResult result = null;
    List<Unmatched> notMatched = List.of();
    String articleMissing = null;
    if (check.valid()) {
      try {
        result = previews.preview(new PreviewRequest(rule, window, null, blankToNull(articleId)));
      } catch (ProblemException e) {
        if (e.status() != 404) {
          throw e;
        }
        // The article was purged, or the link was mistyped: the matches are still worth showing.
        articleMissing = articleId;
        result = previews.preview(new PreviewRequest(rule, window, null, null));
      }
      notMatched = previews.notMatched(rule, window, NOT_MATCHED_SHOWN).stream()
          .map(article -> new Unmatched(article, url(rule, window, article.id()) + "#why-not"))
          .toList();
    }
    String subscribeUrl = check.valid() ? Console.withQuery("/console/subscriptions/new", "rule", rule) : null;
    return Templates.preview(analyst.name(), check, windows(window), window, result, notMatched, articleMissing, subscribeUrl);
  }

  /** The subscription form's "Preview" button: the rule being edited, with the widest window. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public TemplateInstance previewForm(@RestForm String rule) {
    return preview(rule, null, null);
  }

  private List<Window> windows(int selected) {
    int everything = previews.maxDays();
    return List.of(new Window(1, "last day", selected == 1), new Window(7, "last 7 days", selected == 7), new Window(30, "last 30 days", selected == 30),
        new Window(everything, "everything stored (" + everything + " days)", selected == everything));
  }

  private static String url(String rule, int days, String articleId) {
    return Console.withQuery("/console/preview", "rule", rule, "days", days, "articleId", articleId);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
