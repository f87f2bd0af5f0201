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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * consumer under the same lock. While the host handles one batch, the next records already fetched are decoded
 * on the task's decoder thread (read-ahead of one batch); records that do not decode reach the host's quarantine
 * on the polling thread when their batch is handed out, so they are committed with it. See the package doc for
 * the delivery guarantee.
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
  private ExecutorService decoder;
  private Future<Decoded> next;
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
    String group = KafkaSettings.group(config, ctx);
    consumer = new KafkaConsumer<>(KafkaSettings.consumer(config, group, "cairn-source-" + ctx.flowId() + "-"
        + ctx.runId()), new ByteArrayDeserializer(), new ByteArrayDeserializer());
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
    decoder = Executors.newSingleThreadExecutor(r -> KafkaSettings.pluginThread("cairn-kafka-source-" + ctx.flowId(),
        r));
    LOG.info("consuming {} in group {}", dataset, group);
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  /** A poll waits up to {@code POLL_WAIT} for records. */
  @Override
  public boolean pollWaits() {
    return true;
  }

  @Override
  public Batch poll(int maxRows) throws Exception {
    Future<Decoded> current;
    lock.lock();
    try {
      if (stopped) {
        return null;
      }
      current = next;
      next = null;
      if (current == null) {
        if (buffer.isEmpty()) {
          consumer.poll(POLL_WAIT).forEach(buffer::add);
        }
        if (buffer.isEmpty()) {
          return null;
        }
        current = decodeNext(maxRows);
      }
      if (!buffer.isEmpty()) {
        next = decodeNext(maxRows);
      }
    } catch (WakeupException e) {
      return null;
    } finally {
      lock.unlock();
    }
    Decoded decoded;
    try {
      decoded = current.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (CancellationException e) {
      return null;
    }
    decoded.quarantined().handTo(context);
    return decoded.batch();
  }

  /**
   * Takes the next records (at most {@code maxRows}) from the buffer, moves the handed-out positions past them,
   * and decodes them on the decoder thread. Under the lock.
   */
  private Future<Decoded> decodeNext(int maxRows) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(Math.min(maxRows, buffer.size()));
    TopicPartition last = null;
    while (!buffer.isEmpty() && records.size() < maxRows) {
      ConsumerRecord<byte[], byte[]> r = buffer.pollFirst();
      records.add(r);
      if (last == null || last.partition() != r.partition() || !last.topic().equals(r.topic())) {
        if (last != null) {
          handedOut.put(last, records.get(records.size() - 2).offset() + 1);
        }
        last = new TopicPartition(r.topic(), r.partition());
      }
    }
    handedOut.put(last, records.getLast().offset() + 1);
    String batchOffset = Positions.encode(handedOut);
    return decoder.submit(() -> {
      QuarantineBuffer quarantined = new QuarantineBuffer(context);
      Batch batch = messages.decode(records, dataset, quarantined, batchOffset);
      return new Decoded(batch, quarantined);
    });
  }

  /** A decoded batch and what its decoding quarantined, handed to the host's context on the polling thread. */
  private record Decoded(Batch batch, QuarantineBuffer quarantined) {}

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
    if (decoder != null) {
      decoder.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
    }
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
