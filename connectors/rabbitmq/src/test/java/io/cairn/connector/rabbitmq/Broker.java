package io.cairn.connector.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cairn.connector.testkit.FakeTaskContext;
import io.cairn.connector.testkit.LiveService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/** The machine's RabbitMQ for one test: a unique queue name, raw publishing and counting, clean-up. */
final class Broker implements AutoCloseable {
  final String queue = "cairn-test-" + UUID.randomUUID();
  private final Connection connection;
  private final Channel channel;

  Broker() throws Exception {
    LiveService.RABBITMQ.ensureRunning();
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    connection = f.newConnection("cairn-test");
    channel = connection.createChannel();
    channel.queueDeclare(queue, true, false, false, null);
  }

  void publish(String... bodies) throws Exception {
    for (String b : bodies) {
      channel.basicPublish("", queue, null, b.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Messages ready in the queue (not delivered and unacknowledged). */
  long ready() throws Exception {
    return channel.queueDeclarePassive(queue).getMessageCount();
  }

  static FakeTaskContext context(Path dir) {
    return new FakeTaskContext("run-" + UUID.randomUUID(), dir);
  }

  @Override
  public void close() throws Exception {
    channel.queueDelete(queue);
    connection.close();
  }
}
