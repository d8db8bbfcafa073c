package io.newsmonitor.alert.subscription;

import io.newsmonitor.alert.matching.ResolvedRule;
import io.newsmonitor.alert.matching.TermResolver;
import io.newsmonitor.alert.rule.RuleParser;
import io.newsmonitor.alert.rule.RuleSyntaxException;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists and deletes subscriptions; refuses a subscription whose rule does not parse, whose webhook is not an
 * http(s) URL, whose e-mail is not an address, or that has neither a webhook nor an e-mail to send its alerts to.
 */
@ApplicationScoped
public class SubscriptionService {

  static final int MAX_NAME = 200;
  static final int MAX_RULE = 2000;
  static final int MAX_URL = 2000;
  // The longest address SMTP carries (RFC 5321: 64 for the local part, @, 255 for the domain).
  static final int MAX_EMAIL = 320;
  static final String NO_CHANNEL = "a webhookUrl or an email (or both) is required";

  private final SubscriptionRepository repository;
  private final TermResolver resolver;
  private final Validator validator;

  public SubscriptionService(SubscriptionRepository repository, TermResolver resolver, Validator validator) {
    this.repository = repository;
    this.resolver = resolver;
    this.validator = validator;
  }

  /**
   * An address as Hibernate Validator reads it, with a dot in the domain besides: {@code someone@localhost} is valid mail
   * syntax but no analyst's address.
   */
  private record EmailAddress(@Email(regexp = "[^@]+@[^@.]+(\\.[^@.]+)+") String value) {
  }

  /**
   * Saves a new, active subscription.
   *
   * @throws ProblemException 400 naming every bad field
   */
  @Transactional
  public Subscription create(String name, String rule, String webhookUrl, String email) {
    List<FieldError> errors = new ArrayList<>();
    checkName(name).ifPresent(message -> errors.add(new FieldError("name", message)));
    checkRule(rule).ifPresent(message -> errors.add(new FieldError("rule", message)));
    boolean hasWebhook = webhookUrl != null && !webhookUrl.isBlank();
    boolean hasEmail = email != null && !email.isBlank();
    if (!hasWebhook && !hasEmail) {
      errors.add(new FieldError("webhookUrl", NO_CHANNEL));
      errors.add(new FieldError("email", NO_CHANNEL));
    }
    if (hasWebhook) {
      checkWebhookUrl(webhookUrl).ifPresent(message -> errors.add(new FieldError("webhookUrl", message)));
    }
    if (hasEmail) {
      checkEmail(email).ifPresent(message -> errors.add(new FieldError("email", message)));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
    Subscription subscription = new Subscription();
    subscription.id = UUID.randomUUID();
    subscription.name = name.strip();
    subscription.rule = rule.strip();
    subscription.webhookUrl = hasWebhook ? webhookUrl.strip() : null;
    subscription.email = hasEmail ? email.strip() : null;
    subscription.active = true;
    subscription.owner = "demo";
    subscription.mode = SubscriptionMode.IMMEDIATE;
    // PostgreSQL keeps microseconds: truncate so that what we answer is what we stored.
    subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    subscription.updatedAt = subscription.createdAt;
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

  private Optional<String> checkEmail(String email) {
    String address = email.strip();
    if (address.length() > MAX_EMAIL) {
      return Optional.of("must be at most " + MAX_EMAIL + " characters");
    }
    if (!validator.validate(new EmailAddress(address)).isEmpty()) {
      return Optional.of("must be an e-mail address, e.g. analyst@example.org");
    }
    return Optional.empty();
  }

  private static Optional<UUID> parseId(String id) {
    try {
      return Optional.ofNullable(id).map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
