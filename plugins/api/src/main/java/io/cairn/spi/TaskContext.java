package io.cairn.spi;

import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
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

  /**
   * Sends a row that could not be processed or written to the quarantine, with the reason, keeping the person it
   * is about ({@link Row#subjectId}): a replay gives the row its subject back, so consent and erasure apply to it
   * again, and an erasure request finds it. Steps and sinks holding a row use this one.
   *
   * @param row the row, never null; its provenance says where it came from
   * @param rawRecord the row as text for a steward (e.g. its values as JSON), may be null
   * @param reason a message a person can act on
   */
  default void quarantine(Row row, String rawRecord, String reason) {
    quarantine(row.provenance(), rawRecord, reason);
  }

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
