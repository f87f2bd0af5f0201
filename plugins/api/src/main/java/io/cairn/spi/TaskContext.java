package io.cairn.spi;

import io.cairn.spi.data.Provenance;
import java.nio.file.Path;
import java.util.Map;

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

  /**
   * Reports additive counts a task measured on one batch, e.g. a quality step's rows, valid rows and
   * present cells. The host sums them per run and task name, keeps them as the run's history and hands them
   * to governance (data quality facets). Ignored by default.
   *
   * @param name what measured them, e.g. {@code quality}
   * @param counts metric name to count; non-negative and additive across batches
   */
  @Unstable
  default void reportMetrics(String name, Map<String, Double> counts) {}
}
