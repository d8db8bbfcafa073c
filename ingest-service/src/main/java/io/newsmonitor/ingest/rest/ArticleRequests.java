package io.newsmonitor.ingest.rest;

import io.newsmonitor.events.SourceRef;
import io.newsmonitor.ingest.config.IngestConfig;
import io.newsmonitor.ingest.service.ArticleDraft;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.newsmonitor.ingest.text.TextNormalizer;
import io.newsmonitor.ingest.text.Titles;
import io.newsmonitor.support.problem.FieldError;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks a pushed article and turns it into a clean draft, reporting every bad field at once. */
@ApplicationScoped
public class ArticleRequests {

  /** Source name of pushed articles that name none. */
  public static final String DEFAULT_SOURCE = "push";
  static final int MAX_TITLE_LENGTH = 1000;
  static final int MAX_SOURCE_LENGTH = 200;

  private final IngestConfig config;

  ArticleRequests(IngestConfig config) {
    this.config = config;
  }

  /**
   * The draft of {@code request}.
   *
   * @throws ProblemException 400 naming each bad field
   */
  public ArticleDraft toDraft(ArticleRequest request) {
    if (request == null) {
      throw ProblemException.badRequest(List.of(new FieldError("url", "is required"), new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();

    Optional<String> url = Optional.empty();
    if (request.url() == null || request.url().isBlank()) {
      errors.add(new FieldError("url", "is required"));
    } else {
      url = ArticleIdentity.canonicalUrl(request.url());
      if (url.isEmpty()) {
        errors.add(new FieldError("url", "must be an absolute http or https URL"));
      }
    }

    String body = "";
    int maxBodyLength = config.article().maxBodyLength();
    if (request.body() == null) {
      errors.add(new FieldError("body", "is required"));
    } else if (request.body().length() > maxBodyLength) {
      errors.add(new FieldError("body", "must be at most " + maxBodyLength + " characters, was " + request.body().length()));
    } else {
      body = TextNormalizer.normalizeBody(request.body());
      if (body.isEmpty()) {
        errors.add(new FieldError("body", "must not be blank"));
      }
    }

    String title = TextNormalizer.normalizeTitle(request.title());
    if (title.length() > MAX_TITLE_LENGTH) {
      errors.add(new FieldError("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
    }

    Optional<OffsetDateTime> published = Optional.empty();
    if (request.published() != null && !request.published().isBlank()) {
      published = parsePublished(request.published().strip());
      if (published.isEmpty()) {
        errors.add(new FieldError("published", "must be an ISO-8601 date-time such as 2024-04-08T21:56:00+09:00 (no offset: UTC)"));
      }
    }

    String sourceName = TextNormalizer.normalizeLine(request.source());
    if (sourceName.length() > MAX_SOURCE_LENGTH) {
      errors.add(new FieldError("source", "must be at most " + MAX_SOURCE_LENGTH + " characters"));
    }

    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(errors);
    }
    String name = sourceName.isEmpty() ? DEFAULT_SOURCE : sourceName;
    return new ArticleDraft(ArticleIdentity.idOfUrl(url.orElseThrow()), url, new SourceRef(sourceId(name), name),
        title.isEmpty() ? Titles.fromBody(body) : title, body, published);
  }

  /** An ISO-8601 date-time with an offset or zone, or a local one (taken as UTC), or a date (midnight UTC). */
  static Optional<OffsetDateTime> parsePublished(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException notOffset) {
      // next form
    }
    try {
      return Optional.of(ZonedDateTime.parse(text).toOffsetDateTime());
    } catch (DateTimeParseException notZoned) {
      // next form
    }
    try {
      return Optional.of(LocalDateTime.parse(text).atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // next form
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }

  /** A source id from its name: lower case, letters and digits, dashes between words ({@code Reuters Japan} → {@code reuters-japan}). */
  static String sourceId(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String id = ascii.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    return id.isEmpty() ? DEFAULT_SOURCE : id;
  }
}
