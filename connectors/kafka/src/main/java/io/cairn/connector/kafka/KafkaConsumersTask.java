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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka source task: {@code consumers} consumers of the task's group (one by default), each on its own
 * thread, so the group spreads the topics' partitions over them. Each consumer polls, decodes the records into
 * chunks of at most the host's batch size with its own codec, and puts them in a bounded queue that
 * {@link #poll} drains (a consumer whose chunks do not fit pauses its partitions and keeps polling, so it stays
 * in the group); the host's thread neither fetches nor decodes. No consumer fetches until every one of them has
 * joined the group and the host asked for a first batch, so the task's own joins do not move partitions that
 * were already read.
 *
 * <p>Offsets: the polling thread keeps, for every partition handed out, the position after its last record;
 * a batch's offset is all of them ({@link Positions}), so the host may commit only the latest of several
 * written batches. {@link #commit} hands each partition's position to the consumer that owns it, which
 * commits it on its own thread at its next turn (a {@link KafkaConsumer} is not thread-safe and commits only its
 * assigned partitions), and returns without waiting for the brokers; a consumer that closes at {@link #stop}
 * gives up its partitions like one losing them in a rebalance. A consumer losing partitions first commits
 * the positions the host acknowledged for them, then drops its chunks not yet handed out and rewinds the
 * partitions it keeps to their first dropped record; the revoked partitions' new owner starts at the
 * committed position (or at a later acknowledged one) and reads what was not acknowledged again
 * (at-least-once). Malformed records are quarantined on the polling thread when their batch is handed out.
 */
final class KafkaConsumersTask implements SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaConsumersTask.class);
  private static final Duration POLL_WAIT = Duration.ofMillis(200);
  /** How long a consumer with decoded chunks waits for room in the queue before it polls again. */
  private static final long OFFER_WAIT_MS = 20;
  /** How long a commit made while stopping waits for the brokers. */
  private static final Duration STOP_COMMIT_WAIT = Duration.ofSeconds(5);

  private final Config config;
  private final List<String> topics;
  private final int consumers;
  private final BlockingQueue<Chunk> ready;
  /** Positions the host acknowledged or resumed from: where a partition's new owner starts at least. */
  private final Map<TopicPartition, Long> acknowledged = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Worker> owners = new ConcurrentHashMap<>();
  /** The positions after the records handed out; polling thread only. */
  private final Map<TopicPartition, Long> handedOut = new HashMap<>();
  private final List<Worker> workers = new ArrayList<>();
  private final CountDownLatch joined;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile int maxRows;
  private volatile boolean stopped;
  private TaskContext context;
  private DatasetRef dataset;

  KafkaConsumersTask(Config config, int consumers) {
    this.config = config;
    Codec.of(config, true); // refuses a bad format or Avro schema when the task is made, not in a worker
    this.topics = config.list(KafkaSettings.TOPIC);
    this.consumers = consumers;
    this.ready = new LinkedBlockingQueue<>(2 * consumers);
    this.joined = new CountDownLatch(consumers);
  }

  @Override
  public void start(TaskContext ctx, String resumeOffset) {
    this.context = ctx;
    acknowledged.putAll(Positions.decode(resumeOffset));
    dataset = KafkaSettings.dataset(config, String.join(",", topics));
    String group = KafkaSettings.group(config, ctx);
    for (int i = 0; i < consumers; i++) {
      String client = "cairn-source-" + ctx.flowId() + "-" + ctx.runId() + "-" + i;
      workers.add(new Worker(new KafkaConsumer<>(KafkaSettings.consumer(config, group, client),
          new ByteArrayDeserializer(), new ByteArrayDeserializer()), Codec.of(config, true)));
    }
    for (int i = 0; i < consumers; i++) {
      Thread t = KafkaSettings.pluginThread("cairn-kafka-source-" + ctx.flowId() + "-" + i, workers.get(i)::run);
      workers.get(i).thread = t;
      t.start();
    }
    LOG.info("consuming {} in group {} with {} consumers", dataset, group, consumers);
  }

  @Override
  public DatasetRef dataset() {
    return dataset;
  }

  /** A poll waits up to {@code POLL_WAIT} for a decoded batch. */
  @Override
  public boolean pollWaits() {
    return true;
  }

  /**
   * Hands out the next decoded chunk as a batch. Chunks are cut to the {@code maxRows} of the latest poll;
   * the host asks for the same size every time.
   */
  @Override
  public Batch poll(int maxRows) throws Exception {
    this.maxRows = maxRows;
    Exception failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    if (stopped) {
      return null;
    }
    Chunk chunk;
    try {
      chunk = ready.poll(POLL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (chunk == null) {
      return null;
    }
    handedOut.putAll(chunk.next());
    chunk.quarantined().handTo(context);
    return Batch.of(chunk.batch().schema(), chunk.batch().rows(), Positions.encode(handedOut));
  }

  /**
   * Hands each partition's position to the consumer that owns it, to commit on its own thread, and returns
   * without waiting: the host's thread goes on with the next batch meanwhile. The positions were acknowledged
   * (every sink wrote the batch) and the host stored them before this call, so a commit that never reaches the
   * brokers (a crash) costs nothing: the stored offset moves the group forward at the next start. A partition
   * without an owner right now (in a rebalance) is committed by the next commit that names it; its new owner
   * starts no earlier than the acknowledged position anyway.
   */
  @Override
  public void commit(String offset) {
    Map<TopicPartition, Long> positions = Positions.decode(offset);
    positions.forEach((tp, next) -> acknowledged.merge(tp, next, Math::max));
    Map<Worker, Map<TopicPartition, Long>> byOwner = new HashMap<>();
    positions.forEach((tp, next) -> {
      Worker owner = owners.get(tp);
      if (owner != null) {
        byOwner.computeIfAbsent(owner, w -> new HashMap<>()).put(tp, next);
      }
    });
    byOwner.forEach(Worker::requestCommit);
  }

  @Override
  public void stop() throws InterruptedException {
    stopped = true;
    workers.forEach(w -> w.consumer.wakeup());
    for (Worker w : workers) {
      if (w.thread != null) {
        w.thread.join(Duration.ofSeconds(10));
      }
    }
  }

  /** Each consumer's assigned partitions, in consumer order; for tests and diagnostics. */
  List<Set<TopicPartition>> assignments() {
    return workers.stream().map(w -> w.assignment).toList();
  }

  /** How many records each consumer has fetched, in consumer order; for tests and diagnostics. */
  List<Long> recordsFetched() {
    return workers.stream().map(w -> w.fetched.get()).toList();
  }

  /**
   * Decoded records of one consumer not yet handed out: the batch (its offset set on hand-out), and per
   * partition the offset of its first record and the position after its last.
   */
  private record Chunk(Worker from, Batch batch, Map<TopicPartition, Long> first, Map<TopicPartition, Long> next,
      QuarantineBuffer quarantined) {}

  /** One consumer and its thread; everything but {@link #requestCommit} runs on that thread. */
  private final class Worker implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Codec codec;
    /** Positions handed over by {@link #requestCommit}, not yet committed. */
    private final Queue<Map<TopicPartition, Long>> commits = new ConcurrentLinkedQueue<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Deque<Chunk> decoded = new ArrayDeque<>();
    private final AtomicLong fetched = new AtomicLong();
    private volatile Set<TopicPartition> assignment = Set.of();
    private boolean joinedOnce;
    private Thread thread;

    Worker(KafkaConsumer<byte[], byte[]> consumer, Codec codec) {
      this.consumer = consumer;
      this.codec = codec;
    }

    /**
     * Called on the host's thread: hands positions to commit to this consumer's thread, which commits them at
     * the top of its loop (within {@code POLL_WAIT} when idle; its poll is not woken for it).
     */
    void requestCommit(Map<TopicPartition, Long> positions) {
      commits.add(positions);
    }

    /** Commits the positions handed over so far, the latest of each partition, in one request. */
    private void commitRequested() {
      Map<TopicPartition, Long> positions = new HashMap<>();
      for (Map<TopicPartition, Long> p = commits.poll(); p != null; p = commits.poll()) {
        p.forEach((tp, next) -> positions.merge(tp, next, Math::max));
      }
      if (!positions.isEmpty()) {
        commitOwned(positions, true);
      }
    }

    void run() {
      try {
        consumer.subscribe(topics, this);
        while (!stopped) {
          commitRequested();
          while (!decoded.isEmpty() && ready.offer(decoded.peekFirst(), OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
            decoded.pollFirst();
          }
          if (!decoded.isEmpty() || holding()) {
            consumer.pause(consumer.assignment());
          } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
          }
          ConsumerRecords<byte[], byte[]> records;
          try {
            records = consumer.poll(decoded.isEmpty() ? POLL_WAIT : Duration.ZERO);
          } catch (WakeupException e) {
            continue;
          }
          if (!records.isEmpty()) {
            decode(records);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        if (!stopped) {
          LOG.error("{}: a consumer failed; the task fails", dataset, e);
          failure.compareAndSet(null, e);
        }
      } finally {
        try {
          consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (Exception e) {
          LOG.warn("{}: closing a consumer failed: {}", dataset, e.getMessage());
        }
        owners.values().removeIf(w -> w == this);
      }
    }

    /** Whether fetching waits: until every consumer joined and the host asked for a batch. */
    private boolean holding() {
      return joined.getCount() > 0 || maxRows == 0;
    }

    private void decode(ConsumerRecords<byte[], byte[]> records) {
      int size = Math.max(1, maxRows);
      List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>(records.count());
      records.forEach(all::add);
      fetched.addAndGet(all.size());
      for (int from = 0; from < all.size(); from += size) {
        List<ConsumerRecord<byte[], byte[]>> part = all.subList(from, Math.min(all.size(), from + size));
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        TopicPartition tp = null;
        long last = -1;
        for (ConsumerRecord<byte[], byte[]> r : part) {
          if (tp == null || tp.partition() != r.partition() || !tp.topic().equals(r.topic())) {
            if (tp != null) {
              next.put(tp, last + 1);
            }
            tp = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(tp, r.offset());
          }
          last = r.offset();
        }
        next.put(tp, last + 1); // a part holds at least one record
        QuarantineBuffer quarantined = new QuarantineBuffer(context);
        Batch batch = codec.decode(part, dataset, quarantined, null);
        decoded.add(new Chunk(this, batch, first, next, quarantined));
      }
    }

    /**
     * Commits the positions this consumer may commit (its assigned partitions, or {@code positions} as given
     * when {@code onlyAssigned} is false, in a revocation) that are past what it committed. Tries again while
     * the brokers do not answer; once the task stops, waits at most {@code STOP_COMMIT_WAIT} and then leaves
     * the positions to the host's stored offset. A commit refused because of a rebalance is logged and dropped.
     */
    private void commitOwned(Map<TopicPartition, Long> positions, boolean onlyAssigned) {
      Set<TopicPartition> assigned = onlyAssigned ? consumer.assignment() : positions.keySet();
      Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
      positions.forEach((tp, next) -> {
        if (assigned.contains(tp) && next > committed.getOrDefault(tp, -1L)) {
          commits.put(tp, new OffsetAndMetadata(next));
        }
      });
      for (int attempt = 1; !commits.isEmpty(); attempt++) {
        boolean stopping = stopped;
        try {
          if (stopping) {
            consumer.commitSync(commits, STOP_COMMIT_WAIT);
          } else {
            consumer.commitSync(commits);
          }
          commits.forEach((tp, o) -> committed.put(tp, o.offset()));
          return;
        } catch (CommitFailedException | RebalanceInProgressException e) {
          LOG.warn("{}: commit in a rebalance refused; the next commit or the partitions' owner takes it up",
              dataset);
          return;
        } catch (RetriableException e) {
          if (stopping) {
            LOG.warn("{}: committing offsets while stopping failed ({}); the flow's stored offset moves the group "
                + "forward at its next start", dataset, e.getMessage());
            return;
          }
          if (attempt == 1) {
            LOG.warn("{}: committing offsets failed ({}); trying again until the brokers answer", dataset,
                e.getMessage());
          }
        } catch (WakeupException e) {
          // woken by a stop: try again, now within STOP_COMMIT_WAIT
        }
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> acked = new HashMap<>();
      for (TopicPartition tp : partitions) {
        Long next = acknowledged.get(tp);
        if (next != null) {
          acked.put(tp, next);
        }
      }
      commitOwned(acked, false);
      release(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      release(partitions);
    }

    /**
     * Drops the partitions, and every chunk of this consumer not yet handed out; the partitions it keeps are
     * rewound to their first dropped record.
     */
    private void release(Collection<TopicPartition> partitions) {
      partitions.forEach(tp -> owners.remove(tp, this));
      Map<TopicPartition, Long> rewind = new HashMap<>();
      Predicate<Chunk> mine = c -> {
        if (c.from() != this) {
          return false;
        }
        c.first().forEach((tp, offset) -> rewind.merge(tp, offset, Math::min));
        return true;
      };
      decoded.removeIf(mine);
      ready.removeIf(mine);
      Set<TopicPartition> kept = new HashSet<>(assignment);
      kept.removeAll(partitions);
      rewind.forEach((tp, offset) -> {
        if (kept.contains(tp)) {
          consumer.seek(tp, offset);
        }
      });
      assignment = Set.copyOf(kept);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        owners.put(tp, this);
        Long known = acknowledged.get(tp);
        Long position = known == null ? null : awake(() -> consumer.position(tp));
        if (position != null && known > position) {
          LOG.info("{}: the group's position is behind the acknowledged offset; moving to {}", tp, known);
          consumer.seek(tp, known);
        }
      }
      Set<TopicPartition> now = new HashSet<>(assignment);
      now.addAll(partitions);
      assignment = Set.copyOf(now);
      if (!joinedOnce) {
        joinedOnce = true;
        joined.countDown();
      }
      if (holding()) {
        consumer.pause(partitions);
      }
    }

    /** A blocking consumer call, or null when a stop woke the consumer (only a stop wakes it). */
    private <T> T awake(Supplier<T> call) {
      try {
        return call.get();
      } catch (WakeupException e) {
        return null;
      }
    }
  }
}
