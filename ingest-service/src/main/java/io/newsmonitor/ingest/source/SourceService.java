package io.newsmonitor.ingest.source;

import io.newsmonitor.ingest.config.FeedConfig;
import io.newsmonitor.ingest.rest.SourceRequest;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Creates, changes and removes sources, checking every field, and keeps their poll record. */
@ApplicationScoped
public class SourceService {

  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_ERROR_LENGTH = 2000;

  private final SourceRepository sources;
  private final FeedConfig config;
  private final PollSchedule schedule;

  SourceService(SourceRepository sources, FeedConfig config) {
    this.sources = sources;
    this.config = config;
    this.schedule = PollSchedule.of(config);
  }

  @Transactional
  public List<Source> list() {
    return sources.listOrdered();
  }

  @Transactional
  public Source get(String id) {
    return sources.findByIdOptional(id).orElseThrow(() -> notFound(id));
  }

  /** @throws ProblemException 400 naming each bad field, 409 when the id is taken */
  @Transactional
  public Source create(SourceRequest request) {
    Checked checked = check(request);
    String id = checked.id.orElseGet(() -> slug(checked.name));
    if (sources.findByIdOptional(id).isPresent()) {
      throw new ProblemException(409, "Source exists", "a source with id '" + id + "' exists already; choose another id or update it");
    }
    Instant now = now();
    Source source = new Source();
    source.id = id;
    source.createdAt = now;
    apply(checked, source, now);
    sources.persist(source);
    return source;
  }

  /** Replaces the settings of a source; its poll record stays. */
  @Transactional
  public Source update(String id, SourceRequest request) {
    Source source = get(id);
    Checked checked = check(request);
    if (checked.id.isPresent() && !checked.id.get().equals(id)) {
      throw ProblemException.badField("id", "cannot change: it is part of the ids of the source's articles");
    }
    if (!checked.type.wireName().equals(source.type)) {
      throw ProblemException.badField("type", "cannot change from " + source.type + "; create another source");
    }
    apply(checked, source, now());
    return source;
  }

  @Transactional
  public Source setPaused(String id, boolean paused) {
    Source source = get(id);
    if (source.paused != paused) {
      source.paused = paused;
      source.updatedAt = now();
      if (!paused && source.sourceType() == SourceType.FEED) {
        source.nextPollAt = source.updatedAt;
      }
    }
    return source;
  }

  /** Makes a feed due now, whatever its schedule or health. */
  @Transactional
  public Source pollNow(String id) {
    Source source = get(id);
    if (source.sourceType() != SourceType.FEED) {
      throw new ProblemException(409, "Not a feed", "source '" + id + "' is a " + source.type + " source; only feeds are polled");
    }
    if (source.paused) {
      throw new ProblemException(409, "Paused", "source '" + id + "' is paused; resume it first");
    }
    source.nextPollAt = now();
    return source;
  }

  @Transactional
  public void delete(String id) {
    if (!sources.deleteById(id)) {
      throw notFound(id);
    }
  }

  /** Records a successful poll: the validators for the next conditional GET, and when to poll again. */
  @Transactional
  public void recordSuccess(String id, Optional<String> etag, Optional<String> lastModified, int published) {
    sources.findByIdOptional(id).ifPresent(source -> {
      Instant now = now();
      source.lastPolledAt = now;
      source.lastSuccessAt = now;
      source.consecutiveFailures = 0;
      source.etag = etag.orElse(null);
      source.lastModified = lastModified.orElse(null);
      source.itemsPublished += published;
      source.nextPollAt = schedule.afterSuccess(now, interval(source), ThreadLocalRandom.current().nextDouble());
    });
  }

  /** Records a failed poll and backs off. */
  @Transactional
  public void recordFailure(String id, String error) {
    sources.findByIdOptional(id).ifPresent(source -> {
      Instant now = now();
      source.lastPolledAt = now;
      source.lastErrorAt = now;
      source.lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) + "…" : error;
      source.consecutiveFailures++;
      source.nextPollAt = schedule.afterFailure(now, interval(source), source.consecutiveFailures, ThreadLocalRandom.current().nextDouble());
    });
  }

  /** Counts items published from a source outside polls (WebSub). */
  @Transactional
  public void countPublished(String id, int published) {
    sources.findByIdOptional(id).ifPresent(source -> source.itemsPublished += published);
  }

  private void apply(Checked checked, Source source, Instant now) {
    boolean wasDue = source.nextPollAt != null;
    String oldUrl = source.url;
    source.type = checked.type.wireName();
    source.name = checked.name;
    source.url = checked.url.orElse(null);
    source.pollIntervalSeconds = (int) checked.interval.toSeconds();
    source.language = checked.language.orElse(null);
    source.timeZone = checked.timeZone.orElse(null);
    source.paused = checked.paused;
    source.updatedAt = now;
    if (checked.type == SourceType.FEED && (!wasDue || !source.url.equals(oldUrl))) {
      // A new or moved feed: polled soon, from scratch.
      source.etag = null;
      source.lastModified = null;
      source.consecutiveFailures = 0;
      source.nextPollAt = schedule.first(now, checked.interval, ThreadLocalRandom.current().nextDouble());
    }
  }

  private Checked check(SourceRequest request) {
    if (request == null) {
      throw ProblemException.badRequest(List.of(new FieldError("type", "is required"), new FieldError("name", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    Optional<String> id = Optional.ofNullable(request.id()).map(String::strip).filter(s -> !s.isEmpty());
    if (id.isPresent() && !ID.matcher(id.get()).matches()) {
      errors.add(new FieldError("id", "must be 1 to 64 lower-case letters, digits and inner dashes"));
    }
    Optional<SourceType> type = Optional.ofNullable(request.type()).map(t -> t.strip().toLowerCase(Locale.ROOT)).flatMap(SourceType::ofWireName);
    if (type.isEmpty()) {
      errors.add(new FieldError("type", request.type() == null ? "is required: feed, push or file" : "must be feed, push or file"));
    }
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty()) {
      errors.add(new FieldError("name", "is required"));
    } else if (name.length() > MAX_NAME_LENGTH) {
      errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
    Optional<String> url = Optional.ofNullable(request.url()).map(String::strip).filter(s -> !s.isEmpty());
    if (url.isPresent() && ArticleIdentity.canonicalUrl(url.get()).isEmpty()) {
      errors.add(new FieldError("url", "must be an absolute http or https URL"));
    } else if (url.isEmpty() && type.orElse(null) == SourceType.FEED) {
      errors.add(new FieldError("url", "is required for a feed"));
    }
    Duration interval = config.defaultInterval();
    if (request.pollIntervalSeconds() != null) {
      interval = Duration.ofSeconds(request.pollIntervalSeconds());
      if (interval.compareTo(config.minInterval()) < 0) {
        errors.add(new FieldError("pollIntervalSeconds", "must be at least " + config.minInterval().toSeconds()));
      }
    }
    Optional<String> language = Optional.ofNullable(request.language()).map(String::strip).filter(s -> !s.isEmpty());
    if (language.isPresent()) {
      try {
        language = Optional.of(new Locale.Builder().setLanguageTag(language.get()).build().toLanguageTag());
      } catch (IllformedLocaleException e) {
        errors.add(new FieldError("language", "must be a BCP 47 language tag such as en or fr-CA"));
      }
    }
    Optional<String> timeZone = Optional.ofNullable(request.timeZone()).map(String::strip).filter(s -> !s.isEmpty());
    if (timeZone.isPresent()) {
      try {
        timeZone = Optional.of(ZoneId.of(timeZone.get()).getId());
      } catch (DateTimeException e) {
        errors.add(new FieldError("timeZone", "must be an IANA time zone such as Asia/Tokyo"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
    return new Checked(id, type.orElseThrow(), name, url, interval, language, timeZone, Boolean.TRUE.equals(request.paused()));
  }

  private Duration interval(Source source) {
    return Duration.ofSeconds(source.pollIntervalSeconds);
  }

  /** {@code NHK World – English} → {@code nhk-world-english}. */
  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    slug = slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
    return slug.isEmpty() ? "source" : slug;
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(404, "No such source", "there is no source '" + id + "'");
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private record Checked(Optional<String> id, SourceType type, String name, Optional<String> url, Duration interval,
                         Optional<String> language, Optional<String> timeZone, boolean paused) {
  }
}
