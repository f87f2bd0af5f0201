package io.cairn.connector.testkit;

import io.cairn.spi.connector.SourceTask;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Row;
import java.util.ArrayList;
import java.util.List;

/** Drives a started {@link SourceTask} the way the host does. */
public final class SourceTasks {
  private static final int MAX_POLLS = 1_000_000;

  private SourceTasks() {}

  /** Polls until the task is exhausted; returns the non-null batches, empty ones included. */
  public static List<Batch> drain(SourceTask task, int maxRows) throws Exception {
    List<Batch> batches = new ArrayList<>();
    for (int polls = 0; !task.exhausted(); polls++) {
      if (polls == MAX_POLLS) {
        throw new AssertionError("source not exhausted after " + MAX_POLLS + " polls");
      }
      Batch b = task.poll(maxRows);
      if (b != null) {
        if (b.size() > maxRows) {
          throw new AssertionError("poll(" + maxRows + ") returned " + b.size() + " rows");
        }
        batches.add(b);
      }
    }
    return batches;
  }

  /** The rows of the batches, in order. */
  public static List<Row> rows(List<Batch> batches) {
    return batches.stream().flatMap(b -> b.rows().stream()).toList();
  }

  /** The values of a row's column, by position, for every row. */
  public static List<Object> column(List<Row> rows, int index) {
    return rows.stream().map(r -> r.get(index)).toList();
  }
}
