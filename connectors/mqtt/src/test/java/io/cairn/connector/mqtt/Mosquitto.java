package io.cairn.connector.mqtt;

import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.LiveService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The machine's Mosquitto for one test: a unique topic and source client id, raw publishing, and at the end
 * the source's persistent session removed (a clean-session connection with its id).
 */
final class Mosquitto implements AutoCloseable {
  static final String URI = "tcp://127.0.0.1:1883";
  final String id = UUID.randomUUID().toString().substring(0, 13);
  final String topic = "cairn-test/" + id;
  final String sourceClient = "cairn-test-src-" + id;
  private final MqttClient publisher;

  Mosquitto() throws Exception {
    LiveService.MOSQUITTO.ensureRunning();
    publisher = new MqttClient(URI, "cairn-test-pub-" + id, new MemoryPersistence());
    publisher.connect();
  }

  void publish(String... bodies) throws Exception {
    for (String b : bodies) {
      publisher.publish(topic, b.getBytes(StandardCharsets.UTF_8), 1, false);
    }
  }

  static FakeTaskContext context(Path dir) {
    return new FakeTaskContext("run-" + UUID.randomUUID(), dir);
  }

  @Override
  public void close() throws Exception {
    publisher.disconnect();
    publisher.close();
    MqttClient cleaner = new MqttClient(URI, sourceClient, new MemoryPersistence());
    MqttConnectOptions clean = new MqttConnectOptions();
    clean.setCleanSession(true);
    cleaner.connect(clean);
    cleaner.disconnect();
    cleaner.close();
  }
}
