package io.newsmonitor.infra.kafka;

import io.newsmonitor.infra.Ports;
import io.newsmonitor.infra.Processes;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A real KRaft Kafka broker and controller as its own OS process, for the local run and for fault tests that kill and
 * restart it ({@code java -Xmx256m -cp <classpath> kafka.Kafka server.properties}, through {@link BrokerMain} for its logging).
 * Its data stays in the data directory across restarts; its output goes to {@code kafka.log} there.
 *
 * <p>The owner stops it: a process left running outlives the JVM ({@code LocalPlatform} does this in a shutdown hook).
 */
public final class KafkaProcess implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaProcess.class.getName());
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final String classpath;
  private Process process;

  /**
   * A broker whose classes come from this JVM's class path.
   *
   * @param port the client port, or 0 for a free one (kept across restarts)
   * @param controllerPort the KRaft controller port, or 0 for a free one (kept across restarts)
   */
  public KafkaProcess(Path dataDir, int port, int controllerPort) {
    this(dataDir, port, controllerPort, System.getProperty("java.class.path"));
  }

  /**
   * A broker whose classes come from {@code classpath}: this module's jar and its runtime dependencies, e.g.
   * {@code local-infra/target/local-infra.jar:local-infra/target/lib/*}.
   *
   * <p>Under Surefire or Failsafe this JVM's class path may be one manifest-only jar whose {@code Class-Path} lists the
   * real jars; {@code java -cp} follows that manifest too, so it works as it is.
   */
  public KafkaProcess(Path dataDir, int port, int controllerPort, String classpath) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port == 0 ? Ports.free() : port;
    this.controllerPort = controllerPort == 0 ? Ports.free() : controllerPort;
    // Absolute entries: the broker may run in another working directory than the one the class path was written for.
    this.classpath = Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Starts the broker (formatting its storage on first use) and returns when it answers a metadata request. */
  public synchronized void start() {
    if (isRunning()) {
      throw new IllegalStateException("Kafka is already running on " + bootstrapServers());
    }
    if (Ports.isTaken(port)) {
      throw new IllegalStateException("Cannot start Kafka on 127.0.0.1:" + port + ": something listens there already."
          + " An earlier run may have left a broker behind: find it with `ss -ltnp 'sport = :" + port + "'` and stop it, or use another port.");
    }
    Path logDir = dataDir.resolve("kafka-data");
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + logDir, e);
    }
    Path config = KRaftConfig.write(KRaftConfig.properties(port, controllerPort, logDir), dataDir.resolve("server.properties"));
    KRaftConfig.formatIfNeeded(config, logDir);
    ProcessBuilder builder = new ProcessBuilder(Processes.javaExecutable(), "-Xmx256m", "-cp", classpath, BrokerMain.class.getName(), config.toString())
        .directory(dataDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not launch " + Processes.javaExecutable(), e);
    }
    Process started = process;
    try {
      KRaftConfig.awaitReady(port, STARTUP_TIMEOUT, () -> started.isAlive() ? null : "the Kafka process exited with code " + started.exitValue());
    } catch (RuntimeException e) {
      Processes.kill(started);
      throw new IllegalStateException("Kafka did not start: " + e.getMessage() + ". Last lines of " + logFile() + ":\n" + Processes.tail(logFile(), 40), e);
    }
    LOG.info(() -> "Kafka process " + started.pid() + " ready on " + bootstrapServers() + ", data in " + dataDir);
  }

  /** SIGTERM, so the broker shuts down cleanly; SIGKILL if it has not exited within 30 s. */
  public synchronized void stop() {
    if (process != null) {
      Processes.terminate(process, STOP_GRACE);
    }
  }

  /** SIGKILL, as a crash would: for fault tests. */
  public synchronized void kill() {
    if (process != null) {
      Processes.kill(process);
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The OS process of the current or last start, if it was started. */
  public synchronized Optional<ProcessHandle> process() {
    return Optional.ofNullable(process).map(Process::toHandle);
  }

  /** {@code 127.0.0.1:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Where the broker's stdout and stderr go, appended across restarts. */
  public Path logFile() {
    return dataDir.resolve("kafka.log");
  }
}
