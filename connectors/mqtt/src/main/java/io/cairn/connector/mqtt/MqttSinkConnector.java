package io.cairn.connector.mqtt;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import org.pf4j.Extension;

/** {@code cairn:sink:mqtt}: publishes rows as JSON messages acknowledged by the broker. Stateless. */
@Extension
public final class MqttSinkConnector implements SinkConnector {
  @Override
  public String name() {
    return "mqtt";
  }

  @Override
  public String description() {
    return "Publishes rows as JSON messages to an MQTT topic; a write returns once the broker acknowledged them";
  }

  @Override
  public ConfigDef configDef() {
    return MqttConfig.SINK;
  }

  @Override
  public SinkTask createTask(Config config) {
    return new MqttSinkTask(config);
  }
}
