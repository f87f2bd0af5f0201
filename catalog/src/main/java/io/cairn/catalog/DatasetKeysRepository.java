package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.DATASETS;
import static io.cairn.catalog.jooq.Tables.DATASET_KEYS;

import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;

/** Keys and descriptions of datasets found by source discovery. */
public final class DatasetKeysRepository {
  private static final String SEP = "\u001f";
  private final DSLContext dsl;

  public DatasetKeysRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Replaces the dataset's keys with these, in one transaction. */
  public void replaceKeys(long datasetId, List<DatasetKeyEntry> keys) {
    var now = Clock.now();
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      tx.deleteFrom(DATASET_KEYS).where(DATASET_KEYS.DATASET_ID.eq(datasetId)).execute();
      int position = 0;
      for (DatasetKeyEntry k : keys) {
        tx.insertInto(DATASET_KEYS)
            .set(DATASET_KEYS.DATASET_ID, datasetId).set(DATASET_KEYS.POSITION, position++)
            .set(DATASET_KEYS.KIND, k.kind()).set(DATASET_KEYS.NAME, k.name())
            .set(DATASET_KEYS.COLUMNS, String.join(SEP, k.columns()))
            .set(DATASET_KEYS.REF_NAMESPACE, k.refNamespace()).set(DATASET_KEYS.REF_NAME, k.refName())
            .set(DATASET_KEYS.REF_COLUMNS, k.refColumns().isEmpty() ? null : String.join(SEP, k.refColumns()))
            .set(DATASET_KEYS.DISCOVERED_AT, now)
            .execute();
      }
    });
  }

  /** The dataset's keys, primary key first. */
  public List<DatasetKeyEntry> keys(long datasetId) {
    return dsl.selectFrom(DATASET_KEYS).where(DATASET_KEYS.DATASET_ID.eq(datasetId))
        .orderBy(DATASET_KEYS.POSITION).fetch()
        .map(r -> new DatasetKeyEntry(r.getKind(), r.getName(), split(r.getColumns()), r.getRefNamespace(),
            r.getRefName(), split(r.getRefColumns())));
  }

  /** Sets the dataset's description unless a person already wrote one (a non-blank description is kept). */
  public void describeIfBlank(long datasetId, String description) {
    if (description == null || description.isBlank()) {
      return;
    }
    dsl.update(DATASETS).set(DATASETS.DESCRIPTION, description)
        .where(DATASETS.ID.eq(datasetId))
        .and(DATASETS.DESCRIPTION.isNull().or(DATASETS.DESCRIPTION.eq("")))
        .execute();
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEP, -1));
  }
}
