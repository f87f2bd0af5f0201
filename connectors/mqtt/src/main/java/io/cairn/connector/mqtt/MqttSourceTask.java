package io.cairn.connector.mqtt;

import io.cairn.connector.json.JsonMessages;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes with a persistent session and manual acknowledgements. Paho's callback thread only hands
 * messages over to a queue; {@link #poll} numbers them and turns them into rows; {@link #commit} acknowledges
 * every message up to the committed batch. See the package doc for the delivery guarantee.
 */
final class MqttSourceTask implements SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceTask.class);
  private static final long POLL_WAIT_MS = 200;

  /** A message as it arrived, with the topic it came on. */
  private record Arrived(String topic, MqttMessage message) {}

  /** A message handed out in a batch and not yet acknowledged. */
  private record Pending(long seq, int id, int qos) {}

  private final Config config;
  private final URI uri;
  private final JsonMessages messages;
  private final BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final String session = UUID.randomUUID().toString().substring(0, 8);
  private volatile Throwable lost;
  private volatile MqttAsyncClient client;
  private TaskContext context;
  private DatasetRef dataset;
  private long seq;

  MqttSourceTask(Config config) {
    this.config = config;
    this.uri = MqttConfig.serverUri(config);
    this.messages = JsonMessages.of(config);
  }

  @Override
  public void start(TaskContext ctx, String resumeOffset) throws Exception {
    this.context = ctx;
    String topic = config.string(MqttConfig.TOPIC);
    dataset = MqttConfig.dataset(uri, topic);
    String clientId = config.has(MqttConfig.CLIENT_ID) ? config.string(MqttConfig.CLIENT_ID) : "cairn-" + ctx.flowId();
    MqttAsyncClient c = MqttConfig.client(uri, clientId);
    c.setManualAcks(true);
    c.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        lost = cause;
      }

      @Override
      public void messageArrived(String t, MqttMessage message) {
        arrived.add(new Arrived(t, message));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    MqttConfig.connect(c, config, false);
    client = c;
    c.subscribe(topic, MqttConfig.qos(config)).waitForCompletion(config.longValue(MqttConfig.TIMEOUT_MS));
    LOG.info("subscribed to {} as client {} (session {})", dataset, clientId, session);
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public Batch poll(int maxRows) throws Exception {
    Arrived first = arrived.poll(POLL_WAIT_MS, TimeUnit.MILLISECONDS);
    if (first == null) {
      Throwable cause = lost;
      if (cause != null) {
        throw new IllegalStateException("the connection to " + dataset + " was lost: " + cause, cause);
      }
      return null;
    }
    List<Arrived> batch = new ArrayList<>(Math.min(maxRows, 1024));
    batch.add(first);
    arrived.drainTo(batch, maxRows - 1);
    List<byte[]> payloads = new ArrayList<>(batch.size());
    List<String> offsets = new ArrayList<>(batch.size());
    for (Arrived a : batch) {
      seq++;
      pending.add(new Pending(seq, a.message().getId(), a.message().getQos()));
      payloads.add(a.message().getPayload());
      offsets.add(session + ":" + seq + ":" + a.topic());
    }
    return messages.toBatch(payloads, offsets, dataset, context, session + ":" + seq);
  }

  /**
   * Acknowledges every message up to the offset's sequence number. Offsets of another session (an earlier
   * connection, or a stored offset) are ignored: their messages were acknowledged then or arrive again now.
   */
  @Override
  public void commit(String offset) throws Exception {
    int colon = offset.indexOf(':');
    MqttAsyncClient c = client;
    if (c == null || colon < 0 || !offset.substring(0, colon).equals(session)) {
      return;
    }
    long upTo = Long.parseLong(offset.substring(colon + 1));
    while (!pending.isEmpty() && pending.peekFirst().seq() <= upTo) {
      Pending p = pending.pollFirst();
      if (p.qos() > 0) {
        c.messageArrivedComplete(p.id(), p.qos());
      }
    }
  }

  @Override
  public void stop() throws Exception {
    MqttAsyncClient c = client;
    client = null;
    MqttConfig.close(c);
  }
}
