package io.cairn.spi.connector;

import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import java.util.Set;

/**
 * Writes batches to one destination.
 *
 * <p>Lifecycle and threading: {@link #start}, then {@link #write} for each batch from one thread at a
 * time, then {@link #stop}. When {@link #write} returns normally the rows are durable (committed); only
 * then does the host commit the source offset. A sink that upserts by key makes re-delivery harmless.
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
   * The purposes the data written here serves (e.g. an email export serves {@code email_marketing});
   * the runtime checks consent for them before every batch. Empty for internal storage.
   */
  default Set<Purpose> purposes() {
    return Set.of();
  }

  /** Releases everything; idempotent. */
  void stop() throws Exception;
}
