package io.cairn.connector.kafka;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import org.pf4j.Extension;

/** {@code cairn:sink:kafka}: produces rows as JSON records, acks=all. Stateless. */
@Extension
public final class KafkaSinkConnector implements SinkConnector {
  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public String description() {
    return "Produces rows as JSON records to a Kafka topic; a batch counts as written once every record was "
        + "acknowledged";
  }

  @Override
  public ConfigDef configDef() {
    return KafkaSettings.SINK;
  }

  @Override
  public SinkTask createTask(Config config) {
    return new KafkaSinkTask(config);
  }
}
