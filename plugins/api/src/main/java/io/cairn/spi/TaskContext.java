package io.cairn.spi;

import io.cairn.spi.data.Provenance;
import java.nio.file.Path;

/**
 * What the host gives every task (source, sink or step) of a running flow. Implementations are
 * thread-safe; a task may call them from its own threads.
 */
public interface TaskContext {
  /** The flow's id, stable across runs. */
  String flowId();

  /** The id of the current run. */
  String runId();

  /**
   * Sends a record that could not be read or processed to the quarantine, with the reason. The run goes on;
   * the record is counted as quarantined and kept for a steward to inspect.
   *
   * @param where where the record came from (dataset and offset), never null
   * @param rawRecord the record as received, as text (e.g. the CSV line), may be null
   * @param reason a message a person can act on, e.g. {@code "column 'age': 'abc' is not a number"}
   */
  void quarantine(Provenance where, String rawRecord, String reason);

  /** A folder private to this task's flow where it may keep files between runs. */
  Path workDir();
}
