package io.newsmonitor.benchmarks;

import io.newsmonitor.infra.Processes;
import io.newsmonitor.infra.local.LocalPlatform;
import io.newsmonitor.infra.local.PlainAnalyst;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** What the benchmark harnesses share: one core for the service under test, topic sizes, memory, waiting, checks. */
final class Harness {

  /** The last line of a class histogram: {@code Total <instances> <bytes>}. */
  private static final Pattern LIVE_BYTES = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  /** JVM options of the service under test: sized and scheduled as for one core. */
  static final String[] ONE_CORE_JVM = {"-Xmx512m", "-XX:ActiveProcessorCount=1"};
  /** Whom the benchmarks sign in to alert-service as. */
  static final PlainAnalyst ANALYST = new PlainAnalyst("benchmark", "benchmark-password");

  private Harness() {
  }

  /** Where the services' builds and the seeds are: {@code news.repo.root}, set by ./run-benchmark. */
  static Path repoRoot() {
    return Path.of(System.getProperty("news.repo.root", ".")).toAbsolutePath().normalize();
  }

  /** {@code service} alone on Kafka and PostgreSQL, on one core of its own ({@code pin}, {@link #ONE_CORE_JVM}); not started. */
  static LocalPlatform.Builder oneCorePlatform(String service, List<String> pin) {
    return LocalPlatform.builder()
        .repoRoot(repoRoot())
        .services(service)
        .launchPrefix(pin.toArray(String[]::new))
        .jvmOptions(ONE_CORE_JVM);
  }

  /** An article id as the contract wants it (32 hex digits), the same for the same {@code name}. */
  static String articleId(String name) {
    return HexFormat.of().formatHex(sha256(name), 0, 16);
  }

  /** The contract's content hash of {@code body}. */
  static String contentHash(String body) {
    return "sha256:" + HexFormat.of().formatHex(sha256(body));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code --name=value} arguments (a bare {@code --name} is {@code true}). */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "true");
    }
    return options;
  }

  static int option(Map<String, String> options, String name, int defaultValue) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(defaultValue)));
  }

  /** {@code taskset -c 1} where it exists and there are two cores or more, so the service has one core and the rest the others. */
  static List<String> pinToOneCore() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return List.of();
    }
    try {
      Process probe = new ProcessBuilder("taskset", "-c", "1", "true").redirectErrorStream(true).start();
      return probe.waitFor() == 0 ? List.of("taskset", "-c", "1") : List.of();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  static String describeSetup(List<String> pin) {
    return (pin.isEmpty() ? "not pinned (taskset missing or one core)" : "pinned to core 1 with taskset") + ", " + String.join(" ", ONE_CORE_JVM);
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java " + Runtime.version();
  }

  /**
   * User + system CPU time of process {@code pid} so far: what its work costs whatever else runs on the machine, a figure
   * far less disturbed by other load than a rate is.
   */
  static Duration cpuTime(long pid) {
    return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
  }

  /**
   * The JVM option that records a service with Flight Recorder (profile settings) into the directory {@code --jfr} names,
   * created if missing (the JVM does not create it), as {@code fileName} ({@code %p}: the process id); empty without
   * {@code --jfr}. The recording is written when the service stops.
   */
  static Optional<String> flightRecording(Map<String, String> options, String fileName) throws IOException {
    if (!options.containsKey("jfr")) {
      return Optional.empty();
    }
    Path recordings = Files.createDirectories(Path.of(options.get("jfr")).toAbsolutePath());
    return Optional.of("-XX:StartFlightRecording=settings=profile,filename=" + recordings.resolve(fileName));
  }

  /**
   * CPU time the whole machine has spent busy since boot, every process together (user, nice, system, irq, softirq, steal
   * of {@code /proc/stat}), or empty where there is no {@code /proc}. Kafka and PostgreSQL are counted here and nowhere
   * else: PostgreSQL's backends are not children of any process of ours.
   */
  static Optional<Duration> machineBusy() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long ticks = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
        ticks += Long.parseLong(cpu[field]);
      }
      // The kernel counts in USER_HZ ticks, 100 a second on every Linux we run on.
      return Optional.of(Duration.ofMillis(ticks * 10));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Records in a topic: the sum of its partitions' end offsets. */
  static long topicSize(Admin admin, String topic) {
    try {
      var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
      Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
      partitions.forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    } catch (Exception e) {
      // Not created yet: nothing written to it.
      return 0;
    }
  }

  record Memory(long liveHeapKb, long rssKb) {
    @Override
    public String toString() {
      return String.format("%.1f MB / %.1f MB", liveHeapKb / 1024.0, rssKb / 1024.0);
    }
  }

  /** Live objects on the heap (a class histogram runs a full GC first), and the resident set of the process. */
  static Memory memory(long pid) throws Exception {
    Path jcmd = Path.of(Processes.javaExecutable()).resolveSibling("jcmd");
    String histogram = run(jcmd.toString(), Long.toString(pid), "GC.class_histogram");
    Matcher live = LIVE_BYTES.matcher(histogram);
    check(live.find(), "unexpected GC.class_histogram output: " + histogram.substring(Math.max(0, histogram.length() - 500)));
    Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
    return new Memory(Long.parseLong(live.group(1)) / 1024, rss.find() ? Long.parseLong(rss.group(1)) : -1);
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    check(process.waitFor() == 0, String.join(" ", command) + " failed: " + output);
    return output;
  }

  /** Polls {@code done} every 200 ms, printing {@code progress} every 10 s, and gives up after {@code timeout}. */
  static void awaitUntil(Duration timeout, BooleanSupplier done, Supplier<String> progress) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Instant nextReport = Instant.now().plusSeconds(10);
    while (!done.getAsBoolean()) {
      check(Instant.now().isBefore(deadline), "gave up after " + timeout.toSeconds() + " s: " + progress.get());
      if (Instant.now().isAfter(nextReport)) {
        System.out.println("  " + progress.get());
        nextReport = Instant.now().plusSeconds(10);
      }
      Thread.sleep(200);
    }
  }

  static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  static void check(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException(failure);
    }
  }

  static void printTable(String title, Map<String, String> rows) {
    System.out.println();
    System.out.println("| " + title + " | |");
    System.out.println("|---|---|");
    rows.forEach((name, value) -> System.out.println("| " + name + " | " + value + " |"));
  }
}
