package io.newsmonitor.infra.kafka;

import io.newsmonitor.infra.Logs;

/** Entry point of the {@link KafkaProcess} broker: {@code kafka.Kafka}, with its log lines sent to stderr, and so to the broker's log file. */
public final class BrokerMain {

  private BrokerMain() {
  }

  public static void main(String[] args) {
    Logs.toConsole();
    kafka.Kafka.main(args);
  }
}
