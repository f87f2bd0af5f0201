package io.cairn.connector.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.data.DatasetRef;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** The declared configuration of the RabbitMQ source and sink, and the connection they open. */
final class RabbitConfig {
  static final String URI = "uri";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String QUEUE = "queue";
  static final String DECLARE = "declareQueue";
  static final String PREFETCH = "prefetch";
  static final String EXCHANGE = "exchange";
  static final String ROUTING_KEY = "routingKey";
  static final String CONFIRM_TIMEOUT_MS = "confirmTimeoutMs";

  private static final List<ConfigProperty> CONNECTION = List.of(
      ConfigProperty.builder(URI, ConfigType.STRING).defaultValue("amqp://127.0.0.1:5672/%2F")
          .description("The broker, as amqp://host:port/vhost (amqps:// for TLS); credentials go in "
              + "username and password")
          .build(),
      ConfigProperty.builder(USERNAME, ConfigType.STRING).defaultValue("guest")
          .description("The user to connect as").build(),
      ConfigProperty.builder(PASSWORD, ConfigType.STRING).defaultValue("guest").secret()
          .description("The user's password").build(),
      ConfigProperty.builder(DECLARE, ConfigType.BOOLEAN).defaultValue("true")
          .description("Whether to declare the queue (durable) when it does not exist").build());

  static final ConfigDef SOURCE = def(
      ConfigProperty.builder(QUEUE, ConfigType.STRING).required()
          .description("The queue to consume").build(),
      ConfigProperty.builder(PREFETCH, ConfigType.INT).defaultValue("2000")
          .description("How many unacknowledged messages the broker sends ahead; at least the batch size")
          .build(),
      JsonMessages.sourceProperties());

  static final ConfigDef SINK = def(
      ConfigProperty.builder(EXCHANGE, ConfigType.STRING).defaultValue("")
          .description("The exchange to publish to; empty for the default exchange, which routes by queue name")
          .build(),
      ConfigProperty.builder(ROUTING_KEY, ConfigType.STRING)
          .description("The routing key; by default the queue").build(),
      List.of(ConfigProperty.builder(QUEUE, ConfigType.STRING)
          .description("A queue to declare (with declareQueue) and route to when no routing key is given")
          .build(),
          ConfigProperty.builder(CONFIRM_TIMEOUT_MS, ConfigType.LONG).defaultValue("30000")
              .description("How long a write waits for the broker to confirm its messages").build()));

  private RabbitConfig() {}

  private static ConfigDef def(ConfigProperty a, ConfigProperty b, List<ConfigProperty> more) {
    List<ConfigProperty> all = new ArrayList<>(CONNECTION);
    all.add(a);
    all.add(b);
    all.addAll(more);
    return ConfigDef.of(all.toArray(ConfigProperty[]::new));
  }

  /**
   * A connection factory for the configured broker; no I/O.
   *
   * @throws ConfigException when the URI is not an AMQP URI
   */
  static ConnectionFactory factory(Config config) {
    ConnectionFactory f = new ConnectionFactory();
    try {
      f.setUri(config.string(URI));
    } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
      throw new ConfigException(List.of("property 'uri' is not an AMQP URI (amqp://host:port/vhost): "
          + e.getMessage()));
    }
    f.setUsername(config.string(USERNAME));
    f.setPassword(config.string(PASSWORD));
    f.setAutomaticRecoveryEnabled(false);
    f.setConnectionTimeout(10_000);
    return f;
  }

  /** Opens a connection named after the flow, so the broker's management views tell who it is. */
  static Connection connect(ConnectionFactory f, String name) throws IOException, TimeoutException {
    return f.newConnection(name);
  }

  /** Closes the connection if it is open (unacknowledged deliveries go back to their queues). */
  static void close(Connection c) throws IOException {
    if (c != null && c.isOpen()) {
      c.close(5_000);
    }
  }

  /** The dataset of a queue or exchange on the broker: namespace {@code amqp://host:port}, name vhost/name. */
  static DatasetRef dataset(ConnectionFactory f, String name) {
    String vhost = f.getVirtualHost();
    return new DatasetRef("amqp://" + f.getHost() + ":" + f.getPort(),
        ("/".equals(vhost) ? "" : vhost + "/") + (name.isEmpty() ? "(default exchange)" : name));
  }
}
