package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.DATASETS;
import static io.cairn.catalog.jooq.Tables.DATASET_COLUMNS;
import static io.cairn.catalog.jooq.Tables.DATASET_SCHEMA_VERSIONS;
import static io.cairn.catalog.jooq.Tables.RUN_DATASETS;

import io.cairn.catalog.jooq.tables.records.DatasetsRecord;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Datasets, their schema versions with columns, and which runs read or wrote them. */
public final class DatasetRepository {
  private final DSLContext dsl;

  public DatasetRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** The dataset's id, registering it on first sight. Safe under concurrent callers. */
  public long register(DatasetRef ref) {
    Optional<Long> id = idOf(ref);
    if (id.isPresent()) {
      return id.get();
    }
    var now = Clock.now();
    try {
      return dsl.insertInto(DATASETS)
          .set(DATASETS.NAMESPACE, ref.namespace()).set(DATASETS.NAME, ref.name())
          .set(DATASETS.CREATED_AT, now).set(DATASETS.UPDATED_AT, now)
          .returning(DATASETS.ID).fetchOne(DATASETS.ID);
    } catch (IntegrityConstraintViolationException raced) {
      return idOf(ref).orElseThrow(() -> raced);
    }
  }

  public Optional<DatasetEntry> find(DatasetRef ref) {
    return Optional.ofNullable(dsl.fetchOne(DATASETS,
        DATASETS.NAMESPACE.eq(ref.namespace()).and(DATASETS.NAME.eq(ref.name())))).map(DatasetRepository::map);
  }

  public Optional<DatasetEntry> find(long id) {
    return Optional.ofNullable(dsl.fetchOne(DATASETS, DATASETS.ID.eq(id))).map(DatasetRepository::map);
  }

  /** Datasets whose namespace or name contains the text (case-insensitive); all when text is blank. */
  public List<DatasetEntry> search(String text, int offset, int limit) {
    var q = dsl.selectFrom(DATASETS);
    var cond = text == null || text.isBlank()
        ? org.jooq.impl.DSL.noCondition()
        : DATASETS.NAME.containsIgnoreCase(text).or(DATASETS.NAMESPACE.containsIgnoreCase(text));
    return q.where(cond).orderBy(DATASETS.NAMESPACE, DATASETS.NAME).offset(offset).limit(limit).fetch()
        .map(DatasetRepository::map);
  }

  /**
   * Records the dataset's schema as a new version when it differs from the current one.
   *
   * @return the current schema version after the call
   */
  public int recordSchema(long datasetId, Schema schema, String runId) {
    String fingerprint = fingerprint(schema);
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      DatasetsRecord ds = tx.selectFrom(DATASETS).where(DATASETS.ID.eq(datasetId)).forUpdate().fetchSingle();
      Integer current = ds.getCurrentSchemaVersion();
      if (current != null) {
        String currentPrint = tx.select(DATASET_SCHEMA_VERSIONS.FINGERPRINT).from(DATASET_SCHEMA_VERSIONS)
            .where(DATASET_SCHEMA_VERSIONS.DATASET_ID.eq(datasetId)).and(DATASET_SCHEMA_VERSIONS.VERSION.eq(current))
            .fetchOne(DATASET_SCHEMA_VERSIONS.FINGERPRINT);
        if (fingerprint.equals(currentPrint)) {
          return current;
        }
      }
      int version = current == null ? 1 : current + 1;
      var now = Clock.now();
      tx.insertInto(DATASET_SCHEMA_VERSIONS)
          .set(DATASET_SCHEMA_VERSIONS.DATASET_ID, datasetId).set(DATASET_SCHEMA_VERSIONS.VERSION, version)
          .set(DATASET_SCHEMA_VERSIONS.FINGERPRINT, fingerprint).set(DATASET_SCHEMA_VERSIONS.RUN_ID, runId)
          .set(DATASET_SCHEMA_VERSIONS.CREATED_AT, now).execute();
      var insert = tx.insertInto(DATASET_COLUMNS, DATASET_COLUMNS.DATASET_ID, DATASET_COLUMNS.VERSION,
          DATASET_COLUMNS.POSITION, DATASET_COLUMNS.NAME, DATASET_COLUMNS.DATA_TYPE, DATASET_COLUMNS.NULLABLE,
          DATASET_COLUMNS.TAGS);
      for (int i = 0; i < schema.size(); i++) {
        Column c = schema.column(i);
        insert = insert.values(datasetId, version, i, c.name(), c.type().name(), c.nullable(),
            String.join(",", new TreeSet<>(c.tags())));
      }
      if (schema.size() > 0) {
        insert.execute();
      }
      tx.update(DATASETS).set(DATASETS.CURRENT_SCHEMA_VERSION, version).set(DATASETS.UPDATED_AT, now)
          .where(DATASETS.ID.eq(datasetId)).execute();
      return version;
    });
  }

  public List<ColumnEntry> columns(long datasetId, int version) {
    return dsl.selectFrom(DATASET_COLUMNS)
        .where(DATASET_COLUMNS.DATASET_ID.eq(datasetId)).and(DATASET_COLUMNS.VERSION.eq(version))
        .orderBy(DATASET_COLUMNS.POSITION).fetch()
        .map(c -> new ColumnEntry(c.getPosition(), c.getName(), c.getDataType(), c.getNullable(),
            c.getTags() == null || c.getTags().isEmpty()
                ? java.util.Set.of()
                : Arrays.stream(c.getTags().split(",")).collect(Collectors.toSet())));
  }

  /** Adds rows to what a run read or wrote of a dataset, creating the link on first use. */
  public void recordRunDataset(String runId, long datasetId, String direction, long rows) {
    int updated = dsl.update(RUN_DATASETS).set(RUN_DATASETS.ROW_COUNT, RUN_DATASETS.ROW_COUNT.plus(rows))
        .where(RUN_DATASETS.RUN_ID.eq(runId)).and(RUN_DATASETS.DATASET_ID.eq(datasetId))
        .and(RUN_DATASETS.DIRECTION.eq(direction)).execute();
    if (updated == 0) {
      try {
        dsl.insertInto(RUN_DATASETS).set(RUN_DATASETS.RUN_ID, runId).set(RUN_DATASETS.DATASET_ID, datasetId)
            .set(RUN_DATASETS.DIRECTION, direction).set(RUN_DATASETS.ROW_COUNT, rows).execute();
      } catch (IntegrityConstraintViolationException raced) {
        recordRunDataset(runId, datasetId, direction, rows);
      }
    }
  }

  public List<RunDatasetEntry> forRun(String runId) {
    return dsl.select().from(RUN_DATASETS).join(DATASETS).on(DATASETS.ID.eq(RUN_DATASETS.DATASET_ID))
        .where(RUN_DATASETS.RUN_ID.eq(runId)).orderBy(RUN_DATASETS.DIRECTION, DATASETS.NAME).fetch()
        .map(r -> new RunDatasetEntry(runId, map(r.into(DATASETS)), r.get(RUN_DATASETS.DIRECTION),
            r.get(RUN_DATASETS.ROW_COUNT)));
  }

  private Optional<Long> idOf(DatasetRef ref) {
    return Optional.ofNullable(dsl.select(DATASETS.ID).from(DATASETS)
        .where(DATASETS.NAMESPACE.eq(ref.namespace())).and(DATASETS.NAME.eq(ref.name()))
        .fetchOne(DATASETS.ID));
  }

  static String fingerprint(Schema schema) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Column c : schema.columns()) {
        md.update((c.name() + "\u0000" + c.type() + "\u0000" + c.nullable() + "\u0000"
            + String.join(",", new TreeSet<>(c.tags())) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DatasetEntry map(DatasetsRecord r) {
    return new DatasetEntry(r.getId(), r.getNamespace(), r.getName(), r.getDescription(),
        r.getCurrentSchemaVersion(), r.getCreatedAt(), r.getUpdatedAt());
  }
}
