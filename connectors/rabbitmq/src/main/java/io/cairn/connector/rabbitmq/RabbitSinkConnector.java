package io.cairn.connector.rabbitmq;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.connector.SinkConnector;
import io.cairn.spi.connector.SinkTask;
import org.pf4j.Extension;

/** {@code cairn:sink:rabbitmq}: publishes rows as JSON messages with publisher confirms. Stateless. */
@Extension
public final class RabbitSinkConnector implements SinkConnector {
  @Override
  public String name() {
    return "rabbitmq";
  }

  @Override
  public String description() {
    return "Publishes rows as JSON messages to a RabbitMQ exchange; a write returns once the broker confirmed";
  }

  @Override
  public ConfigDef configDef() {
    return RabbitConfig.SINK;
  }

  @Override
  public SinkTask createTask(Config config) {
    return new RabbitSinkTask(config);
  }
}
