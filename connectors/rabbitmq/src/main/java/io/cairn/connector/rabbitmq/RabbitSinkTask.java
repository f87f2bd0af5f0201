package io.cairn.connector.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.connector.SinkTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Row;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes each row as a persistent JSON message on a channel in confirm mode; {@link #write} returns only
 * when the broker confirmed them all, and fails when it refused one or returned one that no queue took.
 */
final class RabbitSinkTask implements SinkTask {
  private static final AMQP.BasicProperties PERSISTENT_JSON = new AMQP.BasicProperties.Builder()
      .contentType("application/json").contentEncoding("UTF-8").deliveryMode(2).build();

  private final Config config;
  private final ConnectionFactory factory;
  private final String exchange;
  private final String routingKey;
  private final AtomicInteger returned = new AtomicInteger();
  private volatile String lastReturn;
  private DatasetRef dataset;
  private Connection connection;
  private Channel channel;

  RabbitSinkTask(Config config) {
    this.config = config;
    this.factory = RabbitConfig.factory(config);
    this.exchange = config.string(RabbitConfig.EXCHANGE);
    String key = config.has(RabbitConfig.ROUTING_KEY) ? config.string(RabbitConfig.ROUTING_KEY)
        : config.string(RabbitConfig.QUEUE);
    if (key == null) {
      throw new ConfigException(List.of("property 'routingKey' or 'queue' is required"));
    }
    this.routingKey = key;
  }

  @Override
  public void start(TaskContext context) throws Exception {
    dataset = RabbitConfig.dataset(factory, exchange.isEmpty() ? routingKey : exchange);
    connection = RabbitConfig.connect(factory, "cairn-sink-" + context.flowId());
    channel = connection.createChannel();
    String queue = config.string(RabbitConfig.QUEUE);
    if (queue != null && config.bool(RabbitConfig.DECLARE)) {
      channel.queueDeclare(queue, true, false, false, null);
    }
    channel.addReturnListener(r -> {
      lastReturn = r.getReplyCode() + " " + r.getReplyText() + " (exchange '" + r.getExchange()
          + "', routing key '" + r.getRoutingKey() + "')";
      returned.incrementAndGet();
    });
    channel.confirmSelect();
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public long write(Batch batch) throws IOException, InterruptedException, TimeoutException {
    if (batch.isEmpty()) {
      return 0;
    }
    returned.set(0);
    for (Row row : batch.rows()) {
      channel.basicPublish(exchange, routingKey, true, PERSISTENT_JSON, JsonMessages.toJson(batch.schema(), row));
    }
    channel.waitForConfirmsOrDie(config.longValue(RabbitConfig.CONFIRM_TIMEOUT_MS));
    int lost = returned.get();
    if (lost > 0) {
      throw new IOException(lost + " of " + batch.size() + " messages were returned unroutable: " + lastReturn);
    }
    return batch.size();
  }

  @Override
  public void stop() throws Exception {
    Connection c = connection;
    connection = null;
    channel = null;
    RabbitConfig.close(c);
  }
}
