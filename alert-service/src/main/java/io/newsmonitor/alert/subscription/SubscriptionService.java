package io.newsmonitor.alert.subscription;

import io.newsmonitor.alert.Ids;
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
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists, changes and deletes an analyst's subscriptions; refuses a subscription whose rule does not parse, whose
 * webhook is not an http(s) URL or whose e-mail is not an address. A subscription of another analyst is not found.
 */
@ApplicationScoped
public class SubscriptionService {

  static final int MAX_NAME = 200;
  static final int MAX_RULE = 2000;
  static final int MAX_URL = 2000;
  // The longest address SMTP carries (RFC 5321: 64 for the local part, @, 255 for the domain).
  static final int MAX_EMAIL = 320;
  // An HMAC key shorter than this is guessable; the generated ones have 32 random bytes.
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 200;
  private static final int GENERATED_SECRET_BYTES = 32;

  private final SubscriptionRepository repository;
  private final TermResolver resolver;
  private final Validator validator;
  private final SecureRandom random = new SecureRandom();

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

  /** A draft that passed every check, stripped. */
  private record Checked(String name, String rule, Optional<String> webhookUrl, Optional<String> webhookSecret, Optional<String> email,
      SubscriptionMode mode) {
  }

  /**
   * Saves a new, active subscription of this analyst; a webhook given without a secret gets a generated one.
   *
   * @throws ProblemException 400 naming every bad field
   */
  @Transactional
  public SavedSubscription create(String owner, SubscriptionDraft draft) {
    Checked checked = check(draft);
    Subscription subscription = new Subscription();
    subscription.id = UUID.randomUUID();
    subscription.owner = owner;
    subscription.active = true;
    // PostgreSQL keeps microseconds: truncate so that what we answer is what we stored.
    subscription.createdAt = now();
    boolean secretIssued = apply(checked, subscription, subscription.createdAt);
    repository.persist(subscription);
    return new SavedSubscription(subscription, secretIssued);
  }

  /**
   * Replaces the name, rule, channels and mode of the analyst's subscription. A webhook keeps its secret unless a new one
   * is given; a webhook added without a secret gets a generated one.
   *
   * @throws ProblemException 404 when the analyst has no such subscription, 400 naming every bad field
   */
  @Transactional
  public SavedSubscription update(String owner, String id, SubscriptionDraft draft) {
    Subscription subscription = get(owner, id);
    Checked checked = check(draft);
    boolean secretIssued = apply(checked, subscription, now());
    return new SavedSubscription(subscription, secretIssued);
  }

  /**
   * Pauses (no longer matched, no alerts) or resumes the analyst's subscription.
   *
   * @throws ProblemException 404 when the analyst has no such subscription
   */
  @Transactional
  public Subscription setActive(String owner, String id, boolean active) {
    Subscription subscription = get(owner, id);
    if (subscription.active != active) {
      subscription.active = active;
      subscription.updatedAt = now();
    }
    return subscription;
  }

  /** The analyst's subscriptions, oldest first. */
  public List<Subscription> list(String owner) {
    return repository.listOwned(owner);
  }

  /**
   * The analyst's subscription with this id.
   *
   * @throws ProblemException 404 when the analyst has none (also for an id that is not a UUID, or another analyst's)
   */
  public Subscription get(String owner, String id) {
    return Ids.parseUuid(id).flatMap(uuid -> repository.findOwned(uuid, owner)).orElseThrow(() -> ProblemException.notFound("subscription " + id));
  }

  /**
   * Deletes the analyst's subscription, its matches and its deliveries (pending ones are not sent).
   *
   * @throws ProblemException 404 when the analyst has none
   */
  @Transactional
  public void delete(String owner, String id) {
    repository.delete(get(owner, id));
  }

  /** The subscription's rule with the meaning of each term, as the knowledge base resolves it now. */
  public ResolvedRule resolve(Subscription subscription) {
    return ResolvedRule.of(subscription.rule, resolver);
  }

  private Checked check(SubscriptionDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    checkName(draft.name()).ifPresent(message -> errors.add(new FieldError("name", message)));
    checkRule(draft.rule()).ifPresent(message -> errors.add(new FieldError("rule", message)));
    Optional<String> webhookUrl = present(draft.webhookUrl());
    Optional<String> webhookSecret = present(draft.webhookSecret());
    Optional<String> email = present(draft.email());
    webhookUrl.flatMap(SubscriptionService::checkWebhookUrl).ifPresent(message -> errors.add(new FieldError("webhookUrl", message)));
    webhookSecret.flatMap(secret -> checkWebhookSecret(secret, webhookUrl.isPresent()))
        .ifPresent(message -> errors.add(new FieldError("webhookSecret", message)));
    email.flatMap(this::checkEmail).ifPresent(message -> errors.add(new FieldError("email", message)));
    Optional<SubscriptionMode> mode = parseMode(draft.mode());
    if (mode.isEmpty()) {
      errors.add(new FieldError("mode", "must be immediate, hourly or daily"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
    return new Checked(draft.name().strip(), draft.rule().strip(), webhookUrl, webhookSecret, email, mode.orElseThrow());
  }

  /** Writes the checked draft into the subscription; true when a webhook secret had to be generated. */
  private boolean apply(Checked checked, Subscription subscription, Instant now) {
    subscription.name = checked.name();
    subscription.rule = checked.rule();
    subscription.email = checked.email().orElse(null);
    subscription.mode = checked.mode();
    subscription.updatedAt = now;
    boolean secretIssued = false;
    if (checked.webhookUrl().isEmpty()) {
      subscription.webhookSecret = null;
    } else if (checked.webhookSecret().isPresent()) {
      subscription.webhookSecret = checked.webhookSecret().get();
    } else if (subscription.webhookUrl == null || subscription.webhookSecret == null) {
      subscription.webhookSecret = generateSecret();
      secretIssued = true;
    }
    subscription.webhookUrl = checked.webhookUrl().orElse(null);
    return secretIssued;
  }

  private String generateSecret() {
    byte[] key = new byte[GENERATED_SECRET_BYTES];
    random.nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<SubscriptionMode> parseMode(String mode) {
    if (mode == null || mode.isBlank()) {
      return Optional.of(SubscriptionMode.IMMEDIATE);
    }
    return Arrays.stream(SubscriptionMode.values()).filter(m -> m.name().equalsIgnoreCase(mode.strip())).findFirst();
  }

  private static Optional<String> checkWebhookSecret(String secret, boolean hasWebhook) {
    if (!hasWebhook) {
      return Optional.of("only goes with a webhookUrl");
    }
    if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
      return Optional.of("must be " + MIN_SECRET + " to " + MAX_SECRET + " characters");
    }
    return Optional.empty();
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
    if (url.length() > MAX_URL) {
      return Optional.of("must be at most " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.of("must be an absolute http or https URL");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute http or https URL: " + e.getReason() + " at " + e.getIndex());
    }
  }

  private Optional<String> checkEmail(String address) {
    if (address.length() > MAX_EMAIL) {
      return Optional.of("must be at most " + MAX_EMAIL + " characters");
    }
    if (!validator.validate(new EmailAddress(address)).isEmpty()) {
      return Optional.of("must be an e-mail address, e.g. analyst@example.org");
    }
    return Optional.empty();
  }

}
