package io.cairn.connector.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes one queue with manual acknowledgements. The client's dispatch thread only hands deliveries over
 * to a queue; {@link #poll} turns them into rows and {@link #commit} acknowledges every delivery up to the
 * committed batch. See the package doc for the delivery guarantee.
 */
final class RabbitSourceTask implements SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitSourceTask.class);
  private static final long POLL_WAIT_MS = 200;

  private final Config config;
  private final ConnectionFactory factory;
  private final JsonMessages messages;
  private final BlockingQueue<Delivery> arrived = new LinkedBlockingQueue<>();
  private final String session = UUID.randomUUID().toString().substring(0, 8);
  private TaskContext context;
  private DatasetRef dataset;
  private volatile Connection connection;
  private volatile Channel channel;
  private long lastAcked;

  RabbitSourceTask(Config config) {
    this.config = config;
    this.factory = RabbitConfig.factory(config);
    this.messages = JsonMessages.of(config);
  }

  @Override
  public void start(TaskContext ctx, String resumeOffset) throws Exception {
    this.context = ctx;
    String queue = config.string(RabbitConfig.QUEUE);
    dataset = RabbitConfig.dataset(factory, queue);
    connection = RabbitConfig.connect(factory, "cairn-source-" + ctx.flowId());
    channel = connection.createChannel();
    if (config.bool(RabbitConfig.DECLARE)) {
      channel.queueDeclare(queue, true, false, false, null);
    }
    channel.basicQos(config.integer(RabbitConfig.PREFETCH));
    channel.basicConsume(queue, false, "cairn-" + ctx.runId() + "-" + session,
        (tag, delivery) -> arrived.add(delivery), tag -> LOG.info("consumer of {} cancelled by the broker", queue));
    LOG.info("consuming {} (session {})", dataset, session);
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public Batch poll(int maxRows) throws Exception {
    Delivery first = arrived.poll(POLL_WAIT_MS, TimeUnit.MILLISECONDS);
    if (first == null) {
      checkOpen();
      return null;
    }
    List<Delivery> deliveries = new ArrayList<>(Math.min(maxRows, 1024));
    deliveries.add(first);
    arrived.drainTo(deliveries, maxRows - 1);
    List<String> offsets = deliveries.stream().map(d -> session + ":" + d.getEnvelope().getDeliveryTag()).toList();
    return messages.toBatch(deliveries.stream().map(Delivery::getBody).toList(), offsets, dataset, context,
        offsets.getLast());
  }

  /**
   * Acknowledges every delivery up to the offset's tag. Offsets of another session (an earlier channel, or a
   * stored offset) are ignored: their messages were either acknowledged then or are delivered again now.
   */
  @Override
  public void commit(String offset) throws Exception {
    int colon = offset.lastIndexOf(':');
    if (colon < 0 || !offset.substring(0, colon).equals(session)) {
      return;
    }
    long tag = Long.parseLong(offset.substring(colon + 1));
    Channel ch = channel;
    if (ch != null && tag > lastAcked) {
      ch.basicAck(tag, true);
      lastAcked = tag;
    }
  }

  private void checkOpen() {
    Channel ch = channel;
    if (ch != null && !ch.isOpen()) {
      throw new IllegalStateException("the channel to " + dataset + " closed: " + ch.getCloseReason()
          .getMessage());
    }
  }

  @Override
  public void stop() throws Exception {
    Connection c = connection;
    connection = null;
    channel = null;
    RabbitConfig.close(c);
  }
}
