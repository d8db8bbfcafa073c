package io.newsmonitor.alert.subscription;

import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.rule.RuleParser;
import io.newsmonitor.alert.rule.RuleSyntaxException;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists and deletes subscriptions; refuses a subscription whose rule does not parse or whose webhook is not an http(s) URL. */
@ApplicationScoped
public class SubscriptionService {

  static final int MAX_NAME = 200;
  static final int MAX_RULE = 2000;
  static final int MAX_URL = 2000;

  private final SubscriptionRepository repository;
  private final TermResolver resolver;

  public SubscriptionService(SubscriptionRepository repository, TermResolver resolver) {
    this.repository = repository;
    this.resolver = resolver;
  }

  /**
   * Saves a new, active subscription.
   *
   * @throws ProblemException 400 naming every bad field
   */
  @Transactional
  public Subscription create(String name, String rule, String webhookUrl) {
    List<FieldError> errors = new ArrayList<>();
    checkName(name).ifPresent(message -> errors.add(new FieldError("name", message)));
    checkRule(rule).ifPresent(message -> errors.add(new FieldError("rule", message)));
    checkWebhookUrl(webhookUrl).ifPresent(message -> errors.add(new FieldError("webhookUrl", message)));
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
    Subscription subscription = new Subscription();
    subscription.id = UUID.randomUUID();
    subscription.name = name.strip();
    subscription.rule = rule.strip();
    subscription.webhookUrl = webhookUrl.strip();
    subscription.active = true;
    // PostgreSQL keeps microseconds: truncate so that what we answer is what we stored.
    subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    repository.persist(subscription);
    return subscription;
  }

  /** Every subscription, oldest first. */
  public List<Subscription> list() {
    return repository.listInOrder();
  }

  /**
   * The subscription with this id.
   *
   * @throws ProblemException 404 when there is none (also for an id that is not a UUID)
   */
  public Subscription get(String id) {
    return parseId(id).flatMap(repository::findByIdOptional).orElseThrow(() -> ProblemException.notFound("subscription " + id));
  }

  /**
   * Deletes the subscription, its matches and its deliveries (pending ones are not sent).
   *
   * @throws ProblemException 404 when there is none
   */
  @Transactional
  public void delete(String id) {
    Subscription subscription = get(id);
    repository.delete(subscription);
  }

  /** The subscription's rule with the meaning of each term, as the knowledge base resolves it now. */
  public ResolvedRule resolve(Subscription subscription) {
    return ResolvedRule.of(subscription.rule, resolver);
  }

  private static Optional<String> checkName(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (name.strip().length() > MAX_NAME) {
      return Optional.of("must be at most " + MAX_NAME + " characters");
    }
    return Optional.empty();
  }

  private static Optional<String> checkRule(String rule) {
    if (rule == null || rule.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (rule.strip().length() > MAX_RULE) {
      return Optional.of("must be at most " + MAX_RULE + " characters");
    }
    try {
      // Parsed as sent, so that the position in the message points into the text the client wrote.
      RuleParser.parse(rule);
      return Optional.empty();
    } catch (RuleSyntaxException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Optional<String> checkWebhookUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (url.strip().length() > MAX_URL) {
      return Optional.of("must be at most " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.of("must be an absolute http or https URL");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute http or https URL: " + e.getReason() + " at " + e.getIndex());
    }
  }

  private static Optional<UUID> parseId(String id) {
    try {
      return Optional.ofNullable(id).map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
