package io.cairn.catalog.policy;

import static io.cairn.catalog.jooq.Tables.FLOW_RUNS;
import static io.cairn.catalog.jooq.Tables.RUN_DATASETS;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.FlowId;
import java.util.LinkedHashSet;
import java.util.List;
import org.jooq.DSLContext;

/** Which flows wrote a dataset: where a preview or export can read it back from. */
public final class DatasetWriters {
  private final DSLContext dsl;

  public DatasetWriters(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** The flows whose runs wrote the dataset, the most recent writer first. */
  public List<FlowId> flowsThatWrote(long datasetId) {
    LinkedHashSet<FlowId> out = new LinkedHashSet<>();
    dsl.select(FLOW_RUNS.FLOW_ID).from(RUN_DATASETS).join(FLOW_RUNS).on(FLOW_RUNS.ID.eq(RUN_DATASETS.RUN_ID))
        .where(RUN_DATASETS.DATASET_ID.eq(datasetId)).and(RUN_DATASETS.DIRECTION.eq("OUTPUT"))
        .orderBy(FLOW_RUNS.STARTED_AT.desc()).limit(200)
        .fetch(FLOW_RUNS.FLOW_ID).forEach(f -> out.add(new FlowId(f)));
    return List.copyOf(out);
  }
}
