package io.cairn.connector.rabbitmq;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.spi.connector.SourceTask;
import org.pf4j.Extension;

/** {@code cairn:source:rabbitmq}: consumes a queue of JSON messages, at-least-once. Stateless. */
@Extension
public final class RabbitSourceConnector implements SourceConnector {
  @Override
  public String name() {
    return "rabbitmq";
  }

  @Override
  public String description() {
    return "Consumes a RabbitMQ queue of JSON messages; acknowledges them once the flow wrote them";
  }

  @Override
  public ConfigDef configDef() {
    return RabbitConfig.SOURCE;
  }

  @Override
  public SourceTask createTask(Config config) {
    return new RabbitSourceTask(config);
  }
}
