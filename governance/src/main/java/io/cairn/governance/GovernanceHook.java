package io.cairn.governance;

import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.step.ColumnDerivation;
import java.util.List;
import java.util.Set;

/**
 * What the runtime calls for every run, read, step and write. Implementations are thread-safe: several runs
 * call them at once. Methods that take a batch return the batch to go on with (governance may drop rows or
 * mask values; this foundation passes them through).
 *
 * <p>Stable calls, in order for one batch: {@link #afterRead}, then {@link #beforeStep} for each step, then
 * {@link #beforeWrite} and {@link #afterWrite} for each sink. Plain Camel endpoints that carry no Cairn batch
 * are reported through {@link #onEndpoint}, at dataset level.
 */
public interface GovernanceHook {
  /** Direction of data relative to the flow. */
  enum Direction {
    INPUT,
    OUTPUT
  }

  default void onRunStart(RunScope run) {}

  /** A source produced a batch. */
  default Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    return batch;
  }

  /** A batch is about to enter a step that serves the given purposes and derives columns as declared. */
  default Batch beforeStep(RunScope run, String stepName, Set<Purpose> purposes, List<ColumnDerivation> lineage,
      Batch batch) {
    return batch;
  }

  /** A batch is about to be written to a sink that serves the given purposes. */
  default Batch beforeWrite(RunScope run, DatasetRef target, Set<Purpose> purposes, Batch batch) {
    return batch;
  }

  /** A sink durably wrote {@code rows} rows of the batch. */
  default void afterWrite(RunScope run, DatasetRef target, Batch batch, long rows) {}

  /** A plain (non-Cairn) endpoint of the route exchanged a message: dataset-level lineage. */
  default void onEndpoint(RunScope run, DatasetRef dataset, Direction direction) {}

  /** A task of the run reported additive counts for one batch ({@code TaskContext.reportMetrics}). */
  default void onMetrics(RunScope run, String name, java.util.Map<String, Double> counts) {}

  /** The run ended: {@code error} is null when it succeeded or was stopped. */
  default void onRunEnd(RunScope run, String state, Throwable error) {}
}
