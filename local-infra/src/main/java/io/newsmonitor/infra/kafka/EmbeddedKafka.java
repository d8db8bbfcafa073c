package io.newsmonitor.infra.kafka;

import io.newsmonitor.infra.Dirs;
import io.newsmonitor.infra.JvmWide;
import io.newsmonitor.infra.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/** A real KRaft Kafka broker and controller inside the current JVM, for tests. */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class.getName());
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  /**
   * The broker's own INFO chatter (hundreds of lines per start) would bury the test output; its warnings still show.
   * Held here because java.util.logging keeps loggers, and so their levels, only while someone references them.
   */
  private static final List<Logger> QUIETED = List.of("kafka", "state.change.logger", "org.apache.kafka.server", "org.apache.kafka.raft", "org.apache.kafka.controller",
      "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage", "org.apache.kafka.coordinator",
      "org.apache.kafka.queue", "org.apache.kafka.snapshot", "org.apache.kafka.network", "org.apache.kafka.security").stream()
      .map(Logger::getLogger).toList();

  private static EmbeddedKafka shared;

  private final String bootstrapServers;
  /** Null when this is a view of the broker that the system class loader's copy of this class runs (see {@link JvmWide}). */
  private final KafkaRaftServer server;
  private final Path dir;
  private boolean stopped;

  private EmbeddedKafka(String bootstrapServers, KafkaRaftServer server, Path dir) {
    this.bootstrapServers = bootstrapServers;
    this.server = server;
    this.dir = dir;
  }

  /** The broker of this JVM, started on first use and stopped (its data deleted) when the JVM exits; do not close it. */
  public static synchronized EmbeddedKafka shared() {
    if (shared == null) {
      shared = JvmWide.callInSystemLoader(EmbeddedKafka.class, "shared")
          .map(owner -> new EmbeddedKafka((String) JvmWide.call(owner, "bootstrapServers"), null, null))
          .orElseGet(() -> {
            EmbeddedKafka kafka = start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "embedded-kafka-stop"));
            return kafka;
          });
    }
    return shared;
  }

  /** A new broker of its own in a temporary directory, on free ports; the caller closes it. */
  public static EmbeddedKafka start() {
    QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    Path dir = Dirs.temp("embedded-kafka-");
    int port = Ports.free();
    int controllerPort = Ports.free();
    Path logDir = dir.resolve("logs");
    Properties props = KRaftConfig.properties(port, controllerPort, logDir);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // The broker's threads inherit the context class loader, and Kafka loads its configured classes through it.
    thread.setContextClassLoader(EmbeddedKafka.class.getClassLoader());
    KafkaRaftServer server = null;
    try {
      KRaftConfig.formatIfNeeded(KRaftConfig.write(props, dir.resolve("server.properties")), logDir);
      server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      KRaftConfig.awaitReady(port, STARTUP_TIMEOUT, () -> null);
    } catch (RuntimeException e) {
      if (server != null) {
        server.shutdown();
        server.awaitShutdown();
      }
      Dirs.deleteTree(dir);
      throw new IllegalStateException("Could not start the in-JVM Kafka broker on 127.0.0.1:" + port + " (controller " + controllerPort + "): " + e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
    LOG.info(() -> "Kafka broker started in this JVM on 127.0.0.1:" + port + ", data in " + dir);
    return new EmbeddedKafka("127.0.0.1:" + port, server, dir);
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops a broker from {@link #start()}; does nothing for the shared one, which stops with the JVM. */
  @Override
  public void close() {
    if (this != shared) {
      stop();
    }
  }

  private synchronized void stop() {
    if (server == null || stopped) {
      return;
    }
    stopped = true;
    server.shutdown();
    server.awaitShutdown();
    Dirs.deleteTree(dir);
  }
}
