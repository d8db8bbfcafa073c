package io.newsmonitor.infra.local;

import io.newsmonitor.infra.Dirs;
import io.newsmonitor.infra.Ports;
import io.newsmonitor.infra.Processes;
import io.newsmonitor.infra.kafka.KafkaProcess;
import io.newsmonitor.infra.postgres.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The whole system as processes on this machine: Kafka, PostgreSQL and the three services, each from its
 * {@code target/quarkus-app/quarkus-run.jar}. For the local run and for end-to-end and fault tests.
 *
 * <p>{@link #close()} stops everything, and runs as a JVM shutdown hook too, so Ctrl-C or the end of a test JVM leaves
 * no process behind.
 */
public final class LocalPlatform implements AutoCloseable {

  public static final String INGEST = "ingest-service";
  public static final String ENRICH = "enrich-service";
  public static final String ALERT = "alert-service";
  public static final List<String> SERVICES = List.of(INGEST, ENRICH, ALERT);
  /** The database of a persistent platform; each service keeps its own schema in it. */
  public static final String DATABASE = "newsmonitor";

  private static final Logger LOG = Logger.getLogger(LocalPlatform.class.getName());
  private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

  private final Config config;
  private final Path dataDir;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, Process> processes = new ConcurrentHashMap<>();
  private final KafkaProcess kafka;
  /** Chosen once, so that a restarted PostgreSQL is where the services' JDBC URL points; 0 when not persistent. */
  private final int postgresPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook = new Thread(this::close, "local-platform-stop");
  private volatile Postgres postgres;
  private volatile String jdbcUrl;

  /** What to run and where; see the {@link Builder} for each setting. */
  record Config(Path repoRoot, Path dataDir, int ingestPort, int enrichPort, int alertPort, int kafkaPort, int controllerPort,
                       int postgresPort, boolean persistent, Map<String, String> extraEnv, Duration startupTimeout,
                       List<String> services, List<String> launchPrefix, List<String> jvmOptions) {

    Config {
      Objects.requireNonNull(repoRoot, "repoRoot");
      Objects.requireNonNull(dataDir, "dataDir");
      extraEnv = Map.copyOf(extraEnv);
      Objects.requireNonNull(startupTimeout, "startupTimeout");
      services = List.copyOf(services);
      launchPrefix = List.copyOf(launchPrefix);
      jvmOptions = List.copyOf(jvmOptions);
    }
  }

  /** Free ports, throwaway data in a new temporary directory, the current directory as repository root. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LocalPlatform}; every setting has a default. */
  public static final class Builder {

    private Path repoRoot = Path.of("");
    private Path dataDir;
    private int ingestPort;
    private int enrichPort;
    private int alertPort;
    private int kafkaPort;
    private int controllerPort;
    private int postgresPort;
    private boolean persistent;
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private Duration startupTimeout = Duration.ofMinutes(3);
    private List<String> services = SERVICES;
    private List<String> launchPrefix = List.of();
    private List<String> jvmOptions = List.of("-Xmx384m");

    private Builder() {
    }

    /** Where {@code <service>/target/quarkus-app/quarkus-run.jar} are; the current directory by default. */
    public Builder repoRoot(Path repoRoot) {
      this.repoRoot = repoRoot;
      return this;
    }

    /** Kafka data, PostgreSQL data (when persistent) and {@code logs/<service>.log}; a new temporary directory by default. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** 0, the default, picks a free port; the same for every port below. */
    public Builder ingestPort(int port) {
      this.ingestPort = port;
      return this;
    }

    public Builder enrichPort(int port) {
      this.enrichPort = port;
      return this;
    }

    public Builder alertPort(int port) {
      this.alertPort = port;
      return this;
    }

    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /** Used when persistent; otherwise the JVM's shared server runs on a port of its own choosing. */
    public Builder postgresPort(int port) {
      this.postgresPort = port;
      return this;
    }

    /**
     * True: PostgreSQL data in {@code dataDir/postgres}, kept across runs, with database {@value LocalPlatform#DATABASE}. False, the
     * default: a fresh database on the JVM's shared server ({@link Postgres#shared()}).
     */
    public Builder persistent(boolean persistent) {
      this.persistent = persistent;
      return this;
    }

    /** An environment variable for every service, e.g. {@code INGEST_IMPORT_DIRECTORY=/path/to/inbox}. */
    public Builder env(String name, String value) {
      this.extraEnv.put(name, value);
      return this;
    }

    /**
     * Lets alert-service deliver webhooks to this machine, where a local run's, a test's or a benchmark's receiver
     * listens; in production it refuses loopback and private addresses (SSRF).
     */
    public Builder allowLoopbackWebhooks() {
      return env("ALERT_DELIVERY_ALLOW_LOOPBACK", "true");
    }

    /** How long {@link LocalPlatform#start()} waits for all services to be ready; 3 minutes by default. */
    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = startupTimeout;
      return this;
    }

    /** Which services {@link LocalPlatform#start()} launches, e.g. ingest alone for its benchmark; all three by default. */
    public Builder services(String... services) {
      List<String> chosen = List.of(services);
      chosen.forEach(LocalPlatform::requireService);
      this.services = chosen;
      return this;
    }

    /**
     * A command each service's {@code java} is launched through, e.g. {@code taskset -c 1} to give a benchmarked service one
     * core of its own; none by default.
     */
    public Builder launchPrefix(String... command) {
      this.launchPrefix = List.of(command);
      return this;
    }

    /** The services' JVM options; {@code -Xmx384m} by default. */
    public Builder jvmOptions(String... options) {
      this.jvmOptions = List.of(options);
      return this;
    }

    /** The platform, not started yet. */
    public LocalPlatform build() {
      // One key for the platform's life: a restarted alert-service still reads the console sessions it gave out.
      byte[] sessionKey = new byte[32];
      new SecureRandom().nextBytes(sessionKey);
      extraEnv.putIfAbsent("CONSOLE_SESSION_KEY", HexFormat.of().formatHex(sessionKey));
      return new LocalPlatform(new Config(repoRoot.toAbsolutePath().normalize(), dataDir != null ? dataDir.toAbsolutePath() : Dirs.temp("local-platform-"),
          ingestPort, enrichPort, alertPort, kafkaPort, controllerPort, postgresPort, persistent, extraEnv, startupTimeout,
          services, launchPrefix, jvmOptions));
    }
  }

  /** Picks the free ports now, so that they stay the same across {@link #stopService}/{@link #startService}. Starts nothing. */
  private LocalPlatform(Config config) {
    this.config = config;
    this.dataDir = config.dataDir();
    ports.put(INGEST, portOrFree(config.ingestPort()));
    ports.put(ENRICH, portOrFree(config.enrichPort()));
    ports.put(ALERT, portOrFree(config.alertPort()));
    this.kafka = new KafkaProcess(dataDir.resolve("kafka"), config.kafkaPort(), config.controllerPort());
    this.postgresPort = config.persistent() ? portOrFree(config.postgresPort()) : 0;
  }

  private static int portOrFree(int port) {
    return port == 0 ? Ports.free() : port;
  }

  /** Starts Kafka, PostgreSQL and the three services, and returns when every service reports ready. */
  public synchronized LocalPlatform start() {
    if (closed.get()) {
      throw new IllegalStateException("This platform was closed; create a new one");
    }
    for (String service : config.services()) {
      Path jar = jar(service);
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(service + " is not built: " + jar + " is missing. Build the services first: ./mvnw package -DskipTests");
      }
      requirePortFree(service);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      Files.createDirectories(dataDir.resolve("logs"));
      kafka.start();
      ensureOpen();
      if (config.persistent()) {
        postgres = startPersistentPostgres();
        jdbcUrl = postgres.createDatabase(DATABASE);
      } else {
        postgres = Postgres.shared();
        // Another platform in this JVM may have used the shared server: a fresh database keeps their data apart.
        jdbcUrl = postgres.createDatabase(DATABASE + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
      }
      ensureOpen();
      config.services().forEach(this::launch);
      awaitReady(config.services());
    } catch (IOException | RuntimeException e) {
      // Also when close() ran meanwhile (Ctrl-C during startup): it may have missed what was started after it.
      closed.set(true);
      removeShutdownHook();
      stopAll();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    LOG.info(() -> "Platform ready: " + config.services().stream().map(service -> service + " " + url(service)).collect(Collectors.joining(", "))
        + "; logs in " + dataDir.resolve("logs"));
    return this;
  }

  /** Stops one service: SIGTERM, then SIGKILL after 20 s. */
  public void stopService(String service) {
    Process process = processes.get(requireService(service));
    if (process != null) {
      Processes.terminate(process, SERVICE_STOP_GRACE);
    }
  }

  /** SIGKILL one service, as a crash would. */
  public void killService(String service) {
    Process process = processes.get(requireService(service));
    if (process != null) {
      Processes.kill(process);
    }
  }

  /** Starts one service again, on the same port, and returns when it is ready. */
  public synchronized void startService(String service) {
    Process process = processes.get(requireService(service));
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(service + " is running already (pid " + process.pid() + ")");
    }
    requirePortFree(service);
    launch(service);
    awaitReady(List.of(service));
  }

  /** The process id of a running service, for tools such as {@code jcmd}. */
  public long pid(String service) {
    Process process = processes.get(requireService(service));
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException(service + " is not running");
    }
    return process.pid();
  }

  /**
   * Stops PostgreSQL (a fast shutdown: open sessions are cut, committed data stays), as a database outage would; the services
   * keep running. Persistent platforms only: the shared server of a non-persistent one belongs to the whole JVM.
   */
  public synchronized void stopPostgres() {
    requirePersistent();
    postgres.close();
  }

  /** Starts PostgreSQL again after {@link #stopPostgres()}, on the same data directory and port, so {@link #jdbcUrl()} holds. */
  public synchronized void startPostgres() {
    requirePersistent();
    ensureOpen();
    postgres = startPersistentPostgres();
  }

  private Postgres startPersistentPostgres() {
    return Postgres.persistent(dataDir.resolve("postgres"), postgresPort);
  }

  private void requirePersistent() {
    if (!config.persistent()) {
      throw new IllegalStateException("Only a persistent platform's PostgreSQL can be stopped and started: build it with persistent(true)");
    }
  }

  /** The Kafka broker, to stop, kill and restart in fault tests. */
  public KafkaProcess kafka() {
    return kafka;
  }

  public String ingestUrl() {
    return url(INGEST);
  }

  public String enrichUrl() {
    return url(ENRICH);
  }

  public String alertUrl() {
    return url(ALERT);
  }

  /** {@code http://127.0.0.1:<port>} of a service. */
  public String url(String service) {
    return "http://127.0.0.1:" + ports.get(requireService(service));
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The services' database. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The server of {@link #jdbcUrl()}, with its user and password. */
  public Postgres postgres() {
    return postgres;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Where a service's stdout and stderr go, appended across restarts. */
  public Path logFile(String service) {
    return dataDir.resolve("logs").resolve(requireService(service) + ".log");
  }

  /** Stops the services (SIGTERM, SIGKILL after 20 s), then Kafka, then PostgreSQL; does nothing the second time. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    removeShutdownHook();
    stopAll();
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: this is that hook, or it runs anyway.
    }
  }

  private void stopAll() {
    List<Process> running;
    synchronized (processes) {
      running = List.copyOf(processes.values());
    }
    List<Thread> stopping = running.stream()
        .map(process -> Thread.ofVirtual().start(() -> Processes.terminate(process, SERVICE_STOP_GRACE)))
        .toList();
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      kafka.stop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not stop Kafka", e);
    }
    Postgres started = postgres;
    if (started != null) {
      started.close();
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("The platform was closed while starting");
    }
  }

  private void launch(String service) {
    List<String> command = new ArrayList<>(config.launchPrefix());
    command.add(Processes.javaExecutable());
    command.addAll(config.jvmOptions());
    command.addAll(List.of("-jar", jar(service).toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        // Not the repository root: Quarkus would read a .env file or config/ folder found in its working directory.
        .directory(dataDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(service).toFile()));
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
    env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    env.put("NEWS_TOPICS_PREFIX", "");
    env.putAll(config.extraEnv());
    // Under the same lock as close() takes its snapshot, so no service starts unseen after close().
    synchronized (processes) {
      ensureOpen();
      try {
        processes.put(service, builder.start());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not launch " + service + " with " + Processes.javaExecutable(), e);
      }
    }
  }

  private void awaitReady(List<String> services) {
    Instant deadline = Instant.now().plus(config.startupTimeout());
    for (String service : services) {
      URI health = URI.create(url(service) + "/q/health/ready");
      Process process = processes.get(service);
      String last = "no answer";
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(service + " exited with code " + process.exitValue() + " while starting. Last lines of " + logFile(service) + ":\n"
              + Processes.tail(logFile(service), 40));
        }
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            break;
          }
          last = response.statusCode() + " " + response.body();
        } catch (IOException e) {
          last = e.toString();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for " + service, e);
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(service + " was not ready within " + config.startupTimeout().toSeconds() + " s (GET " + health + " → " + last + ")."
              + " Last lines of " + logFile(service) + ":\n" + Processes.tail(logFile(service), 40));
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the services", e);
    }
  }

  /** Otherwise the readiness check could be answered by whatever holds the port, an instance left by an earlier run, say. */
  private void requirePortFree(String service) {
    int port = ports.get(service);
    if (Ports.isTaken(port)) {
      throw new IllegalStateException("Port " + port + " for " + service + " is taken: an earlier run may still be running"
          + " (find it with `ss -ltnp 'sport = :" + port + "'`), or choose another port.");
    }
  }

  private Path jar(String service) {
    return config.repoRoot().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
  }

  private static String requireService(String service) {
    if (!SERVICES.contains(service)) {
      throw new IllegalArgumentException("Unknown service '" + service + "': one of " + SERVICES);
    }
    return service;
  }
}
