package io.newsmonitor.infra.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsmonitor.infra.Ports;
import io.newsmonitor.infra.kafka.EmbeddedKafkaTests.KafkaClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProcessTests {

  @Test
  void dataSurvivesARestartAndACrashAndStopLeavesNothingRunning(@TempDir Path dir) throws Exception {
    KafkaProcess kafka = new KafkaProcess(dir, 0, 0);
    try {
      kafka.start();
      ProcessHandle first = kafka.process().orElseThrow();
      KafkaClients.produce(kafka.bootstrapServers(), "survivors", "k1", "before restart");
      kafka.stop();
      assertFalse(first.isAlive());
      assertFalse(Ports.isOpen(kafka.port()));

      kafka.start();
      KafkaClients.produce(kafka.bootstrapServers(), "survivors", "k2", "before the crash");
      kafka.kill();
      assertFalse(kafka.isRunning());

      kafka.start();
      List<String> values = KafkaClients.consumeAtLeast(kafka.bootstrapServers(), "survivors", 2).stream().map(r -> r.value()).toList();
      assertEquals(List.of("before restart", "before the crash"), values);
      assertTrue(Files.size(kafka.logFile()) > 0, "broker output goes to its log file");
    } finally {
      kafka.stop();
    }
    ProcessHandle last = kafka.process().orElseThrow();
    assertFalse(last.isAlive());
    assertFalse(ProcessHandle.of(last.pid()).map(ProcessHandle::isAlive).orElse(false), "no broker process remains");
    assertFalse(Ports.isOpen(kafka.port()), "the port is closed");
  }
}
