package io.newsmonitor.systemtests.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The figures of one fault-suite run as Markdown: what was pushed, what arrived where, each fault, readiness, drain. */
record ReliabilityReport(boolean drained, Duration window, double rate, long seed, Pusher pusher, Map<String, GeneratedNews.Article> articles,
                         List<String> neverEnriched, List<String> deviations,
                         List<Tally> tallies, FaultLog log, Map<String, Map<String, Integer>> duplicatesByFault, Map<String, Long> deliveries,
                         Map<String, Map<String, Integer>> deadLetters, Duration drain, Duration run, Map<String, Integer> webhook) {

  String markdown() {
    StringBuilder md = new StringBuilder();
    long stories = articles.values().stream().map(article -> article.story().number()).distinct().count();
    long copies = articles.values().stream().filter(GeneratedNews.Article::copy).count();
    md.append("# Fault suite run, ").append(Instant.now()).append("\n\n");
    md.append("Fault window ").append(seconds(window)).append(", ").append(rate).append(" articles/s pushed, seed ").append(seed)
        .append(drained ? "; drained " : "; NOT drained, gave up ").append(seconds(drain)).append(" after the last article was accepted; whole run ").append(seconds(run))
        .append(" (platform start to report).\n\n");

    md.append("## Articles\n\n");
    table(md, List.of("articles accepted", "stories", "copies (other source, same story)", "published", "answered duplicate (pushed again)",
            "failed attempts (retried)", "longest until accepted"),
        List.of(List.of(articles.size(), stories, copies, pusher.published(), pusher.duplicates(), pusher.failedAttempts(), seconds(pusher.longestWait()))));
    md.append("Failed attempts by reason: ").append(pusher.failuresByReason()).append("\n\n");

    md.append("## Alerts per (subscription, story)\n\n");
    table(md, Tally.columns(), tallies.stream().map(Tally::row).toList());
    md.append("Webhook: ").append(webhook).append(".\n\nOutbox: ").append(deliveries).append(".\n\nDead-letter topics, records by reason: ").append(deadLetters).append(".\n\n");
    if (!neverEnriched.isEmpty()) {
      md.append("Accepted by ingest but never enriched (").append(neverEnriched.size()).append("): ")
          .append(neverEnriched.stream().limit(10).collect(Collectors.joining(", "))).append(neverEnriched.size() > 10 ? " …" : "").append("\n\n");
    }
    if (!deviations.isEmpty()) {
      md.append("Stories or tags not as generated (").append(deviations.size()).append("): ")
          .append(deviations.stream().limit(10).collect(Collectors.joining("; "))).append("\n\n");
    }

    md.append("## Faults\n\n");
    table(md, List.of("fault", "times", "downtime in all", "longest", "duplicates absorbed after it"), log.byKind().entrySet().stream()
        .map(entry -> List.<Object>of(entry.getKey(), entry.getValue().size(),
            seconds(entry.getValue().stream().map(FaultLog.Fault::downtime).reduce(Duration.ZERO, Duration::plus)),
            seconds(entry.getValue().stream().map(FaultLog.Fault::downtime).max(Duration::compareTo).orElse(Duration.ZERO)),
            duplicatesByFault.getOrDefault(entry.getKey(), Map.of()).toString()))
        .toList());
    if (duplicatesByFault.containsKey(FaultLog.BEFORE_ANY)) {
      md.append("Duplicates before any fault: ").append(duplicatesByFault.get(FaultLog.BEFORE_ANY)).append("\n\n");
    }
    md.append("Downtime of a service: from SIGKILL to ready again; of the broker or PostgreSQL: from stop to started again.\n\n");

    md.append("## Readiness (/q/health/ready) during broker and database outages\n\n");
    table(md, List.of("outage", "service", "DOWN (503) after", "first probe unanswered (" + seconds(ReadinessWatch.PROBE_TIMEOUT) + ") after",
            "UP (200) after the restart"), log.readiness().stream()
        .map(observation -> List.<Object>of(observation.outage(), observation.service(), seconds(observation.down()), seconds(observation.unanswered()),
            seconds(observation.up())))
        .toList());
    return md.toString();
  }

  private static void table(StringBuilder md, List<String> columns, List<List<Object>> rows) {
    md.append("| ").append(String.join(" | ", columns)).append(" |\n");
    md.append("|").append("---|".repeat(columns.size())).append("\n");
    rows.forEach(row -> md.append("| ").append(row.stream().map(String::valueOf).collect(Collectors.joining(" | "))).append(" |\n"));
    md.append("\n");
  }

  private static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }

  private static String seconds(Optional<Duration> duration) {
    return duration.map(ReliabilityReport::seconds).orElse("not seen");
  }
}
