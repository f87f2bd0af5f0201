package io.cairn.spi.connector;

import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes batches to one destination.
 *
 * <p>Lifecycle and threading: {@link #start}, then {@link #write} for each batch from one thread at a
 * time, then {@link #stop}. When {@link #write} returns normally the rows are durable (committed); only
 * then does the host commit the source offset. A sink that upserts by key makes re-delivery harmless.
 *
 * <p>A sink that can keep several batches in flight overrides {@link #send}; the host then reads and sends
 * the next batches while earlier ones wait for their acknowledgements, and commits a source offset only once
 * the batch with that offset and every batch before it completed normally.
 */
public interface SinkTask {
  void start(TaskContext context) throws Exception;

  /** The dataset this task writes, named per OpenLineage conventions. Valid after {@link #start}. */
  DatasetRef dataset();

  /**
   * Writes the batch durably.
   *
   * @return the number of rows written (inserted or updated)
   */
  long write(Batch batch) throws Exception;

  /**
   * Starts writing the batch and returns without waiting for it to be durable: the stage completes with the
   * number of rows written once every row of the batch is durable, or exceptionally with the cause. Called
   * like {@link #write}, from one thread at a time and in batch order; the stage may complete on any thread
   * and in any order relative to the stages of other batches. The default writes synchronously.
   *
   * @throws Exception when the batch could not even be started; nothing of it may be taken as written
   */
  default CompletionStage<Long> send(Batch batch) throws Exception {
    return CompletableFuture.completedFuture(write(batch));
  }

  /**
   * The purposes the data written here serves (e.g. an email export serves {@code email_marketing});
   * the runtime checks consent for them before every batch. Empty for internal storage.
   */
  default Set<Purpose> purposes() {
    return Set.of();
  }

  /** Releases everything; idempotent. */
  void stop() throws Exception;
}
