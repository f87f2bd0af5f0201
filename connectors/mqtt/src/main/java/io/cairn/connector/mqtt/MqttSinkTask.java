package io.cairn.connector.mqtt;

import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Publishes each row as a JSON message, keeping up to {@link #WINDOW} messages in flight; {@link #write}
 * returns when the broker acknowledged every one (QoS 1 and 2) or they were sent (QoS 0).
 */
final class MqttSinkTask implements SinkTask {
  /** Messages in flight at once; below the client's own maximum (1000). */
  static final int WINDOW = 500;

  private final Config config;
  private final URI uri;
  private final String topic;
  private final int qos;
  private final long timeoutMs;
  private DatasetRef dataset;
  private volatile MqttAsyncClient client;

  MqttSinkTask(Config config) {
    this.config = config;
    this.uri = MqttConfig.serverUri(config);
    this.topic = config.string(MqttConfig.TOPIC);
    this.qos = MqttConfig.qos(config);
    this.timeoutMs = config.longValue(MqttConfig.TIMEOUT_MS);
    if (topic.contains("+") || topic.contains("#")) {
      throw new io.cairn.spi.config.ConfigException(java.util.List.of(
          "property 'topic': a sink publishes to one topic, without the wildcards + and #: '" + topic + "'"));
    }
  }

  @Override
  public void start(TaskContext context) throws Exception {
    dataset = MqttConfig.dataset(uri, topic);
    String clientId = config.has(MqttConfig.CLIENT_ID) ? config.string(MqttConfig.CLIENT_ID)
        : "cairn-sink-" + context.flowId() + "-" + context.runId();
    MqttAsyncClient c = MqttConfig.client(uri, clientId);
    MqttConfig.connect(c, config, true);
    client = c;
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public long write(Batch batch) throws MqttException {
    MqttAsyncClient c = client;
    Deque<IMqttDeliveryToken> inFlight = new ArrayDeque<>();
    for (Row row : batch.rows()) {
      if (inFlight.size() == WINDOW) {
        inFlight.pollFirst().waitForCompletion(timeoutMs);
      }
      inFlight.add(c.publish(topic, JsonMessages.toJson(batch.schema(), row), qos, false));
    }
    for (IMqttDeliveryToken t : inFlight) {
      t.waitForCompletion(timeoutMs);
    }
    return batch.size();
  }

  @Override
  public void stop() throws Exception {
    MqttAsyncClient c = client;
    client = null;
    MqttConfig.close(c);
  }
}
