package io.cairn.connector.kafka;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes topics in a group with auto-commit off; commits the group's offsets only in {@link #commit}. The
 * consumer is used under a lock by the polling thread; {@link #stop} wakes a blocked poll and then closes the
 * consumer under the same lock. See the package doc for the delivery guarantee.
 */
final class KafkaSourceTask implements SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceTask.class);
  private static final Duration POLL_WAIT = Duration.ofMillis(200);

  private final Config config;
  private final Codec messages;
  private final List<String> topics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
  private final Map<TopicPartition, Long> handedOut = new HashMap<>();
  private Map<TopicPartition, Long> resume = Map.of();
  private TaskContext context;
  private DatasetRef dataset;
  private KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean stopped;

  KafkaSourceTask(Config config) {
    this.config = config;
    this.messages = Codec.of(config, true);
    this.topics = config.list(KafkaSettings.TOPIC);
  }

  @Override
  public void start(TaskContext ctx, String resumeOffset) {
    this.context = ctx;
    this.resume = Positions.decode(resumeOffset);
    dataset = KafkaSettings.dataset(config, String.join(",", topics));
    String group = config.has(KafkaSettings.GROUP_ID) ? config.string(KafkaSettings.GROUP_ID) : "cairn-" + ctx.flowId();
    Map<String, Object> p = KafkaSettings.client(config, "cairn-source-" + ctx.flowId() + "-" + ctx.runId());
    p.put("group.id", group);
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", config.string(KafkaSettings.OFFSET_RESET));
    p.put("max.poll.records", "2000");
    p.put("default.api.timeout.ms", Long.toString(config.longValue(KafkaSettings.TIMEOUT_MS)));
    consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics, new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        buffer.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
          Long stored = resume.get(tp);
          if (stored != null && stored > consumer.position(tp)) {
            LOG.info("{}: the group's position is behind the stored offset; moving to {}", tp, stored);
            consumer.seek(tp, stored);
          }
        }
      }
    });
    LOG.info("consuming {} in group {}", dataset, group);
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  @Override
  public Batch poll(int maxRows) {
    lock.lock();
    try {
      if (stopped) {
        return null;
      }
      if (buffer.isEmpty()) {
        consumer.poll(POLL_WAIT).forEach(buffer::add);
      }
      if (buffer.isEmpty()) {
        return null;
      }
      List<byte[]> payloads = new ArrayList<>(Math.min(maxRows, buffer.size()));
      List<String> offsets = new ArrayList<>(payloads.size());
      while (!buffer.isEmpty() && payloads.size() < maxRows) {
        ConsumerRecord<byte[], byte[]> r = buffer.pollFirst();
        payloads.add(r.value() == null ? new byte[0] : r.value());
        offsets.add(r.topic() + "/" + r.partition() + "/" + r.offset());
        handedOut.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
      }
      return messages.decode(payloads, offsets, dataset, context, Positions.encode(handedOut));
    } catch (WakeupException e) {
      return null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Commits the group's offsets to the positions after the committed batch. While the brokers do not answer
   * it tries again (a broker restart must not fail a streaming run) until it succeeds or the task stops. A
   * commit refused because the group moved the partitions elsewhere is logged and dropped: their new owner
   * reads them again.
   */
  @Override
  public void commit(String offset) {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    Positions.decode(offset).forEach((tp, next) -> commits.put(tp, new OffsetAndMetadata(next)));
    for (int attempt = 1; !stopped && !commits.isEmpty(); attempt++) {
      lock.lock();
      try {
        if (!stopped) {
          consumer.commitSync(commits);
        }
        return;
      } catch (CommitFailedException e) {
        LOG.warn("{}: commit after a rebalance refused; the partitions' new owner reads them again", dataset);
        return;
      } catch (RetriableException e) {
        if (attempt == 1) {
          LOG.warn("{}: committing offsets failed ({}); trying again until the brokers answer", dataset,
              e.getMessage());
        }
      } catch (WakeupException e) {
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void stop() {
    stopped = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c == null) {
      return;
    }
    c.wakeup();
    lock.lock();
    try {
      if (consumer != null) {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        consumer = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
