package io.cairn.governance;

import io.cairn.catalog.DatasetRepository;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The foundation's governance: records which datasets each run read and wrote, with row counts and the
 * schema seen, in the catalog. Schema versions are recorded once per (run, dataset, schema); row counts are
 * added up in memory and written at most every {@link #FLUSH_MILLIS} ms and when the run ends, so the batch
 * path costs no catalog write.
 */
public final class DatasetRecorder implements GovernanceHook {
  static final long FLUSH_MILLIS = 1000;

  private final DatasetRepository datasets;
  private final Map<DatasetRef, Long> ids = new ConcurrentHashMap<>();
  private final Map<String, Schema> schemaSeen = new ConcurrentHashMap<>();
  private final Map<Link, AtomicLong> pending = new ConcurrentHashMap<>();
  private final AtomicLong lastFlush = new AtomicLong(System.currentTimeMillis());

  /** A (run, dataset, direction) whose row count is pending. */
  private record Link(String runId, long datasetId, Direction direction) {}

  public DatasetRecorder(DatasetRepository datasets) {
    this.datasets = datasets;
  }

  @Override
  public Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    record(run, source, batch, Direction.INPUT, batch.size());
    return batch;
  }

  @Override
  public void afterWrite(RunScope run, DatasetRef target, Batch batch, long rows) {
    record(run, target, batch, Direction.OUTPUT, rows);
  }

  @Override
  public void onEndpoint(RunScope run, DatasetRef dataset, Direction direction) {
    datasets.recordRunDataset(run.runId(), id(dataset), direction.name(), 0);
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    flush(link -> link.runId().equals(run.runId()), true);
    schemaSeen.keySet().removeIf(k -> k.startsWith(run.runId() + "|"));
  }

  private void record(RunScope run, DatasetRef ref, Batch batch, Direction direction, long rows) {
    long id = id(ref);
    String key = run.runId() + "|" + direction + "|" + ref;
    if (!batch.schema().equals(schemaSeen.put(key, batch.schema()))) {
      datasets.recordSchema(id, batch.schema(), run.runId());
      datasets.recordRunDataset(run.runId(), id, direction.name(), 0);
    }
    pending.computeIfAbsent(new Link(run.runId(), id, direction), l -> new AtomicLong()).addAndGet(rows);
    long last = lastFlush.get();
    long now = System.currentTimeMillis();
    if (now - last >= FLUSH_MILLIS && lastFlush.compareAndSet(last, now)) {
      flush(link -> true, false);
    }
  }

  /** Writes the pending counts of the matching links; {@code forget} drops them (the run ended). */
  private void flush(Predicate<Link> which, boolean forget) {
    for (Map.Entry<Link, AtomicLong> e : pending.entrySet()) {
      Link link = e.getKey();
      if (which.test(link)) {
        long rows = e.getValue().getAndSet(0);
        if (rows > 0) {
          datasets.recordRunDataset(link.runId(), link.datasetId(), link.direction().name(), rows);
        }
        if (forget) {
          pending.remove(link);
        }
      }
    }
  }

  private long id(DatasetRef ref) {
    return ids.computeIfAbsent(ref, datasets::register);
  }
}
