package io.newsmonitor.infra.kafka;

import io.newsmonitor.infra.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/** The configuration, storage format and readiness check shared by the in-JVM and the separate-process broker. */
final class KRaftConfig {

  private KRaftConfig() {
  }

  /** A single node that is both broker and controller, listening on 127.0.0.1 only. */
  static Properties properties(int port, int controllerPort, Path logDir) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("auto.create.topics.enable", "true");
    props.put("num.partitions", "1");
    // One node: every internal topic must make do with one replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Fewer offsets partitions than the default 50: the first consumer group is ready sooner on a small machine.
    props.put("offsets.topic.num.partitions", "5");
    // Consumers join at once instead of waiting 3 s for more members that never come.
    props.put("group.initial.rebalance.delay.ms", "0");
    return props;
  }

  static Path write(Properties props, Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(out, "Written by io.newsmonitor.infra; rewritten at every start");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /**
   * Formats the log directory unless it holds a {@code meta.properties} already: formatting a formatted directory with a
   * new cluster id fails even with {@code --ignore-formatted}.
   */
  static void formatIfNeeded(Path propertiesFile, Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString(), "--ignore-formatted"};
    int exit;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      // execute, not main: main exits the JVM.
      exit = StorageTool.execute(args, out);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed: " + e.getMessage() + "\n" + output.toString(StandardCharsets.UTF_8), e);
    }
    if (exit != 0) {
      throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed (exit " + exit + "):\n" + output.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * Waits until the broker answers a metadata request.
   *
   * @param failure checked between attempts: a non-null message means the broker cannot come up any more (its process
   *     exited, say), so waiting stops with that message
   */
  static void awaitReady(int port, Duration timeout, Supplier<String> failure) {
    Instant deadline = Instant.now().plus(timeout);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      String failed = failure.get();
      if (failed != null) {
        throw new IllegalStateException(failed);
      }
      if (Ports.isOpen(port)) {
        try (Admin admin = Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
          if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get(6, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (Exception e) {
          last = e;
        }
      }
      pause();
    }
    throw new IllegalStateException("Kafka on 127.0.0.1:" + port + " did not answer a metadata request within " + timeout.toSeconds() + " s"
        + (last == null ? " (the port never opened)" : " (last error: " + last + ")"));
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
  }
}
