package io.newsmonitor.alert.preview;

import io.newsmonitor.alert.matching.Evaluation;
import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.RuleEvaluator;
import io.newsmonitor.alert.matching.TermMatch;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.rule.RuleSyntaxException;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs a rule over the stored articles of the last days: a SQL prefilter ({@link Prefilter}) picks the candidates the
 * indexes cannot rule out, newest first, through a cursor; each is evaluated exactly, as for an alert, until the limit.
 */
@ApplicationScoped
public class PreviewService {

  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 366;
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final int MAX_RULE = 2000;

  private final StoredArticles articles;
  private final TermResolver resolver;
  private final ArticlesConfig config;

  public PreviewService(StoredArticles articles, TermResolver resolver, ArticlesConfig config) {
    this.articles = articles;
    this.resolver = resolver;
    this.config = config;
  }

  /**
   * The matches of {@code request.rule()} and, given an article id, the rule against that article.
   *
   * @throws ProblemException 400 naming the bad fields (a rule that does not parse with the position and the reason), 404
   *     for an article id that is not stored
   */
  @Transactional
  public PreviewResult preview(PreviewRequest request) {
    long start = System.nanoTime();
    int days = Optional.ofNullable(request.days()).orElse(DEFAULT_DAYS);
    int limit = Optional.ofNullable(request.limit()).orElse(DEFAULT_LIMIT);
    ResolvedRule rule = validate(request.rule(), days, limit);
    Instant since = Instant.now().minus(Duration.ofDays(days));
    PreviewResult.Explanation whyNot = request.articleId() == null ? null : explain(rule, request.articleId(), since);

    Prefilter prefilter = Prefilter.of(rule, articles.anyUntokenisedSince(since));
    Scan scan = new Scan(rule, limit, start + config.previewTimeBudget().toNanos());
    // A broad rule fills the limit from the first rows: fetch no more than that at a time.
    articles.scan(prefilter, since, Math.min(config.previewFetchSize(), limit + 1), scan);
    long inWindow = articles.countSince(since);
    long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
    return new PreviewResult(request.rule(), days, limit, scan.matches, scan.truncated, scan.timedOut, scan.scanned, inWindow, tookMs, whyNot);
  }

  /**
   * The newest articles of the last {@code days} that {@code rule} does not match, at most {@code limit}: the ones an analyst
   * may ask why not. Reads no further than the time budget allows.
   *
   * @throws ProblemException 400 as {@link #preview} does
   */
  @Transactional
  public List<ArticleIngested> notMatched(String rule, int days, int limit) {
    ResolvedRule resolved = validate(rule, days, limit);
    Instant since = Instant.now().minus(Duration.ofDays(days));
    long deadline = System.nanoTime() + config.previewTimeBudget().toNanos();
    List<ArticleIngested> notMatched = new ArrayList<>();
    articles.scan(Prefilter.none(), since, Math.min(config.previewFetchSize(), limit * 4), candidate -> {
      if (!RuleEvaluator.evaluate(resolved, candidate).matched()) {
        notMatched.add(candidate.article());
      }
      return notMatched.size() < limit && System.nanoTime() - deadline < 0;
    });
    return notMatched;
  }

  /** The widest window a preview may ask for, in days: every stored article, however long they are kept. */
  public int maxDays() {
    return (int) Math.max(MAX_DAYS, config.retention().toDays());
  }

  private ResolvedRule validate(String rule, int days, int limit) {
    List<FieldError> errors = new ArrayList<>();
    ResolvedRule resolved = null;
    if (rule == null || rule.isBlank()) {
      errors.add(new FieldError("rule", "must not be blank"));
    } else if (rule.length() > MAX_RULE) {
      errors.add(new FieldError("rule", "must be at most " + MAX_RULE + " characters"));
    } else {
      try {
        // Parsed as sent, so that the position in the message points into the text the client wrote.
        resolved = ResolvedRule.of(rule, resolver);
      } catch (RuleSyntaxException e) {
        errors.add(new FieldError("rule", e.getMessage()));
      }
    }
    if (days < 1 || days > maxDays()) {
      errors.add(new FieldError("days", "must be between 1 and " + maxDays()));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
    return resolved;
  }

  private PreviewResult.Explanation explain(ResolvedRule rule, String articleId, Instant since) {
    ArticleEnriched article = articles.find(articleId).orElseThrow(() -> ProblemException.notFound("article " + articleId));
    Evaluation evaluation = RuleEvaluator.evaluate(rule, article);
    ArticleIngested ingested = article.article();
    return new PreviewResult.Explanation(ingested.id(), ingested.title(), ingested.published(), evaluation.matched(),
        !ingested.published().toInstant().isBefore(since), reasons(evaluation), evaluation.failedParts());
  }

  private static PreviewResult.Match match(ArticleEnriched enriched, Evaluation evaluation) {
    ArticleIngested article = enriched.article();
    return new PreviewResult.Match(article.id(), article.revision(), article.title(), article.url(), article.source().name(), article.published(),
        enriched.storyId(), reasons(evaluation));
  }

  private static List<AlertRaised.Reason> reasons(Evaluation evaluation) {
    return evaluation.termMatches().stream().map(TermMatch::toReason).toList();
  }

  /**
   * Evaluates the candidates as they come, keeps the matches, and stops at the first match beyond the limit or when the time
   * budget is spent.
   */
  static final class Scan implements Predicate<ArticleEnriched> {

    private final ResolvedRule rule;
    private final int limit;
    private final long deadlineNanos;
    final List<PreviewResult.Match> matches = new ArrayList<>();
    boolean truncated;
    boolean timedOut;
    int scanned;

    Scan(ResolvedRule rule, int limit, long deadlineNanos) {
      this.rule = rule;
      this.limit = limit;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public boolean test(ArticleEnriched candidate) {
      if (System.nanoTime() - deadlineNanos > 0) {
        timedOut = true;
        return false;
      }
      scanned++;
      Evaluation evaluation = RuleEvaluator.evaluate(rule, candidate);
      if (!evaluation.matched()) {
        return true;
      }
      if (matches.size() == limit) {
        truncated = true;
        return false;
      }
      matches.add(match(candidate, evaluation));
      return true;
    }
  }
}
