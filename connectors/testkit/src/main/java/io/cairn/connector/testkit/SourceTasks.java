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

  /**
   * Polls a streaming task until {@code rows} rows came or the timeout passed. Each poll asks for at most
   * the rows still missing (and {@code maxRows}), so no more than {@code rows} rows are read.
   *
   * @return the non-null batches, empty ones included; fewer rows than asked when the time ran out
   */
  public static List<Batch> await(SourceTask task, int rows, int maxRows, java.time.Duration timeout)
      throws Exception {
    List<Batch> batches = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    int got = 0;
    while (got < rows && System.nanoTime() < deadline) {
      Batch b = task.poll(Math.min(maxRows, rows - got));
      if (b != null) {
        batches.add(b);
        got += b.size();
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
