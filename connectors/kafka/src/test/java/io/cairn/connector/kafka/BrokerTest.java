package io.cairn.connector.kafka;

import io.cairn.connector.testkit.StartedTasks;
import io.cairn.kafka.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded broker for a test class, a topic of each test's own, and the tasks each test starts (stopped
 * after it) with the broker and topic in their configuration.
 */
abstract class BrokerTest {
  @TempDir static Path brokerDir;
  static EmbeddedKafka kafka;

  @TempDir Path dir;
  final String topic = KafkaTopics.unique();
  StartedTasks tasks;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = EmbeddedKafka.start(brokerDir, 0);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  /** Configuration every task of the class gets besides the broker and topic. */
  Map<String, String> taskConfig() {
    return Map.of();
  }

  @BeforeEach
  void tasks() {
    Map<String, String> base = new HashMap<>(taskConfig());
    base.put("bootstrapServers", kafka.bootstrapServers());
    base.put("topic", topic);
    tasks = new StartedTasks(base);
  }

  @AfterEach
  void stopTasks() throws Exception {
    tasks.close();
  }
}
