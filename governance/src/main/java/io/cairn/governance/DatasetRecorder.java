package io.cairn.governance;

import io.cairn.catalog.DatasetRepository;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The foundation's governance: records which datasets each run read and wrote, with row counts and the
 * schema seen, in the catalog. Schema versions are recorded once per (run, dataset, schema).
 */
public final class DatasetRecorder implements GovernanceHook {
  private final DatasetRepository datasets;
  private final Map<DatasetRef, Long> ids = new ConcurrentHashMap<>();
  private final Map<String, Schema> schemaSeen = new ConcurrentHashMap<>();

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
    schemaSeen.keySet().removeIf(k -> k.startsWith(run.runId() + "|"));
  }

  private void record(RunScope run, DatasetRef ref, Batch batch, Direction direction, long rows) {
    long id = id(ref);
    String key = run.runId() + "|" + direction + "|" + ref;
    if (!batch.schema().equals(schemaSeen.put(key, batch.schema()))) {
      datasets.recordSchema(id, batch.schema(), run.runId());
    }
    datasets.recordRunDataset(run.runId(), id, direction.name(), rows);
  }

  private long id(DatasetRef ref) {
    return ids.computeIfAbsent(ref, datasets::register);
  }
}
