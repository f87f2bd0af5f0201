package io.cairn.connector.mqtt;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import org.pf4j.Extension;

/** {@code cairn:source:mqtt}: subscribes to JSON messages, at-least-once. Stateless. */
@Extension
public final class MqttSourceConnector implements SourceConnector {
  @Override
  public String name() {
    return "mqtt";
  }

  @Override
  public String description() {
    return "Subscribes to an MQTT topic filter with a persistent session; acknowledges messages once the flow wrote them";
  }

  @Override
  public ConfigDef configDef() {
    return MqttConfig.SOURCE;
  }

  @Override
  public SourceTask createTask(Config config) {
    return new MqttSourceTask(config);
  }
}
