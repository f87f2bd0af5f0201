package io.cairn.spi.connector;

import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;

/**
 * Reads batches from one source.
 *
 * <p>Lifecycle and threading: the host calls {@link #start}, then {@link #poll} repeatedly from one
 * thread, then {@link #stop} (from the same or another thread, possibly while a poll is blocked; poll
 * should then return promptly). {@link #commit} is called on the polling thread after the batch with that
 * offset was written by every sink. Offsets are opaque strings that the host persists and hands back to
 * {@link #start} on the next run (at-least-once: everything after the last committed offset is read again).
 */
public interface SourceTask {
  /**
   * Opens the source.
   *
   * @param context the host's services for this run
   * @param resumeOffset the last committed offset of an earlier run, or null to read from the beginning
   */
  void start(TaskContext context, String resumeOffset) throws Exception;

  /** The dataset this task reads, named per OpenLineage conventions. Valid after {@link #start}. */
  DatasetRef dataset();

  /**
   * Returns the next batch of at most {@code maxRows} rows, an empty batch or null when nothing is there
   * right now. Rows that cannot be parsed go to {@link TaskContext#quarantine} and are not returned.
   */
  Batch poll(int maxRows) throws Exception;

  /**
   * Whether a bounded source has nothing more to read (a file read to its end, a query exhausted); a run of
   * a flow over bounded sources completes when its source is exhausted. Streaming sources return false.
   */
  default boolean exhausted() {
    return false;
  }

  /**
   * Whether {@link #poll} itself waits a short while (well under a second) for rows when there are none, like a
   * Kafka consumer's poll. The host then polls again at once after an empty poll instead of backing off.
   */
  default boolean pollWaits() {
    return false;
  }

  /** Called after every row up to {@code offset} was written; the task may acknowledge upstream. */
  default void commit(String offset) throws Exception {}

  /** Releases everything; idempotent. */
  void stop() throws Exception;
}
