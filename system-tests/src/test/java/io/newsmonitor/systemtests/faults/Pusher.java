package io.newsmonitor.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An integrator pushing articles to ingest-service's HTTP API at a steady rate, each one again until it is accepted (202),
 * whatever is down meanwhile: a refused connection, a timeout or a 503 is followed by another attempt half a second later.
 * It falls behind during an outage and catches up after it.
 */
final class Pusher implements Runnable {

  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI articles;
  private final GeneratedNews news;
  private final long intervalNanos;
  private final AtomicBoolean finishing = new AtomicBoolean();
  /** Article id (as ingest gave it) to the article. */
  private final Map<String, GeneratedNews.Article> accepted = new ConcurrentHashMap<>();
  private final AtomicInteger published = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final List<Instant> duplicateTimes = new CopyOnWriteArrayList<>();
  private final AtomicInteger failedAttempts = new AtomicInteger();
  private final Map<String, AtomicInteger> failuresByReason = new ConcurrentHashMap<>();
  private volatile Duration longestWait = Duration.ZERO;
  private final Thread thread;

  Pusher(String ingestUrl, GeneratedNews news, double articlesPerSecond) {
    this.articles = URI.create(ingestUrl + "/api/articles");
    this.news = news;
    this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / articlesPerSecond);
    this.thread = Thread.ofPlatform().name("article-pusher").daemon().unstarted(this);
  }

  void start() {
    thread.start();
  }

  /** Stops taking new stories, sends the copies still owed, and returns once every article begun is accepted. */
  void finish(Duration timeout) throws InterruptedException {
    finishing.set(true);
    thread.join(timeout);
    if (thread.isAlive()) {
      thread.interrupt();
      throw new IllegalStateException("The pusher did not get its last articles accepted within " + timeout);
    }
  }

  @Override
  public void run() {
    long due = System.nanoTime();
    while (!finishing.get() && !Thread.currentThread().isInterrupted()) {
      push(news.next());
      due = pace(due);
    }
    for (GeneratedNews.Article copy : news.remainingCopies()) {
      push(copy);
      due = pace(due);
    }
  }

  /** Waits for the next article's turn; after an outage the backlog goes out back to back until the schedule is met again. */
  private long pace(long due) {
    long next = due + intervalNanos;
    LockSupport.parkNanos(next - System.nanoTime());
    return next;
  }

  private void push(GeneratedNews.Article article) {
    String body = json(article);
    long started = System.nanoTime();
    while (!Thread.currentThread().isInterrupted()) {
      String reason;
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(articles)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
          JsonNode answer = JSON.readTree(response.body());
          accepted.put(answer.get("id").asText(), article);
          if (answer.get("status").asText().equals("duplicate")) {
            duplicates.incrementAndGet();
            duplicateTimes.add(Instant.now());
          } else {
            published.incrementAndGet();
          }
          Duration waited = Duration.ofNanos(System.nanoTime() - started);
          if (waited.compareTo(longestWait) > 0) {
            longestWait = waited;
          }
          return;
        }
        reason = "HTTP " + response.statusCode();
      } catch (IOException e) {
        reason = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      failedAttempts.incrementAndGet();
      failuresByReason.computeIfAbsent(reason, key -> new AtomicInteger()).incrementAndGet();
      LockSupport.parkNanos(RETRY_PAUSE.toNanos());
    }
  }

  private static String json(GeneratedNews.Article article) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("url", article.url());
    fields.put("source", article.source());
    fields.put("title", article.story().title());
    fields.put("body", article.story().body());
    fields.put("published", article.story().published());
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Article id to article, for every article accepted. */
  Map<String, GeneratedNews.Article> accepted() {
    return Map.copyOf(accepted);
  }

  int published() {
    return published.get();
  }

  /** Articles answered {@code duplicate}: an attempt that reached the broker although its answer was lost, pushed again. */
  int duplicates() {
    return duplicates.get();
  }

  /** When each duplicate was answered, to put it down to the fault before it. */
  List<Instant> duplicateTimes() {
    return List.copyOf(duplicateTimes);
  }

  int failedAttempts() {
    return failedAttempts.get();
  }

  Map<String, Integer> failuresByReason() {
    Map<String, Integer> copy = new TreeMap<>();
    failuresByReason.forEach((reason, count) -> copy.put(reason, count.get()));
    return copy;
  }

  /** The longest an article took from its first attempt to its acceptance. */
  Duration longestWait() {
    return longestWait;
  }
}
