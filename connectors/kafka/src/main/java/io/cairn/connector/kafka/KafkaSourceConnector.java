package io.cairn.connector.kafka;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import org.pf4j.Extension;

/** {@code cairn:source:kafka}: consumes topics of JSON records, at-least-once. Stateless. */
@Extension
public final class KafkaSourceConnector implements SourceConnector {
  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public String description() {
    return "Consumes Kafka topics of JSON records in a consumer group; commits offsets once the flow wrote them";
  }

  @Override
  public ConfigDef configDef() {
    return KafkaSettings.SOURCE;
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.cairn.spi.config.ConfigException when {@code consumers} is out of range or the format's
   *     settings do not fit
   */
  @Override
  public SourceTask createTask(Config config) {
    return new KafkaConsumersTask(config, KafkaSettings.consumers(config));
  }
}
