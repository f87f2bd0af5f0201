package io.cairn.spi.step;

import io.cairn.spi.Purpose;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Schema;
import java.util.List;
import java.util.Set;

/**
 * Transforms batches. Called from one thread at a time per instance; {@link #open} before the first batch
 * and {@link #close} after the last.
 */
public interface Step {
  default void open(TaskContext context) throws Exception {}

  /** The schema of the output for a given input schema; the identity by default. */
  default Schema outputSchema(Schema input) {
    return input;
  }

  /**
   * Transforms one batch. Rows that must not go on go to {@link TaskContext#quarantine} with the reason.
   */
  Batch apply(Batch input, TaskContext context) throws Exception;

  /**
   * How each output column derives from the input columns. Columns not listed pass through unchanged
   * (identity). The lineage issue turns these into OpenLineage column lineage; tags follow them.
   */
  default List<ColumnDerivation> columnLineage(Schema input) {
    return List.of();
  }

  /** The purposes this step serves; consent is checked for them before every batch. Empty: none. */
  default Set<Purpose> purposes() {
    return Set.of();
  }

  default void close() throws Exception {}
}
