package io.cairn.catalog.lineage;

import static io.cairn.catalog.jooq.Tables.DATASETS;
import static io.cairn.catalog.jooq.Tables.FLOW_RUNS;
import static io.cairn.catalog.jooq.Tables.LINEAGE_COLUMN_EDGES;
import static io.cairn.catalog.jooq.Tables.LINEAGE_COLUMN_TAGS;
import static io.cairn.catalog.jooq.Tables.LINEAGE_DATASET_VERSIONS;
import static io.cairn.catalog.jooq.Tables.LINEAGE_EVENTS;
import static io.cairn.catalog.jooq.Tables.LINEAGE_IO;
import static io.cairn.catalog.jooq.Tables.LINEAGE_JOBS;
import static io.cairn.catalog.jooq.Tables.LINEAGE_OWNERS;
import static io.cairn.catalog.jooq.Tables.LINEAGE_RUNS;
import static io.cairn.catalog.jooq.Tables.LINEAGE_RUN_IO;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.lineage.LineageWrite.ColumnEdgeWrite;
import io.cairn.catalog.lineage.LineageWrite.DatasetIo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Stores OpenLineage events: each event in one transaction. Concurrent writers are safe: every row is
 * written with an upsert ({@code merge}/{@code on conflict}) keyed by its natural key.
 */
public final class LineageRepository {
  private static final Set<String> ENDED = Set.of("COMPLETE", "FAIL", "ABORT");

  private final DSLContext dsl;

  public LineageRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Stores one event and everything it says about jobs, runs, datasets and edges. */
  public void store(LineageWrite w) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      OffsetDateTime now = now();
      tx.insertInto(LINEAGE_EVENTS)
          .set(LINEAGE_EVENTS.KIND, w.kind()).set(LINEAGE_EVENTS.EVENT_TYPE, w.eventType())
          .set(LINEAGE_EVENTS.EVENT_TIME, w.eventTime())
          .set(LINEAGE_EVENTS.RUN_UUID, w.run() == null ? null : w.run().runUuid())
          .set(LINEAGE_EVENTS.PRODUCER, w.producer()).set(LINEAGE_EVENTS.PAYLOAD, w.payload())
          .set(LINEAGE_EVENTS.RECEIVED_AT, now).execute();
      Long jobId = w.job() == null ? null : job(tx, w.job(), now);
      if (jobId != null) {
        owners(tx, "J", jobId, w.job().owners(), now);
      }
      if (w.run() != null && jobId != null) {
        run(tx, w, jobId, now);
      }
      Map<String, Long> ids = new HashMap<>();
      for (DatasetIo d : w.datasets()) {
        long id = dataset(tx, ids, d.namespace(), d.name(), now);
        owners(tx, "D", id, d.owners(), now);
        if (d.direction() != null && jobId != null) {
          tx.insertInto(LINEAGE_IO).set(LINEAGE_IO.JOB_ID, jobId).set(LINEAGE_IO.DATASET_ID, id)
              .set(LINEAGE_IO.DIRECTION, d.direction())
              .set(LINEAGE_IO.LAST_RUN, w.run() == null ? null : w.run().runUuid())
              .set(LINEAGE_IO.UPDATED_AT, now)
              .onDuplicateKeyUpdate()
              .set(LINEAGE_IO.LAST_RUN, w.run() == null ? null : w.run().runUuid())
              .set(LINEAGE_IO.UPDATED_AT, now).execute();
          if (w.run() != null) {
            tx.insertInto(LINEAGE_RUN_IO).set(LINEAGE_RUN_IO.RUN_UUID, w.run().runUuid())
                .set(LINEAGE_RUN_IO.DATASET_ID, id).set(LINEAGE_RUN_IO.DIRECTION, d.direction())
                .onDuplicateKeyIgnore().execute();
          }
        }
        for (LineageWrite.ColumnTag t : d.columnTags()) {
          tx.insertInto(LINEAGE_COLUMN_TAGS).set(LINEAGE_COLUMN_TAGS.DATASET_ID, id)
              .set(LINEAGE_COLUMN_TAGS.FIELD, t.field()).set(LINEAGE_COLUMN_TAGS.TAG, t.tag())
              .set(LINEAGE_COLUMN_TAGS.SOURCE, t.source()).set(LINEAGE_COLUMN_TAGS.UPDATED_AT, now)
              .onDuplicateKeyUpdate().set(LINEAGE_COLUMN_TAGS.UPDATED_AT, now).execute();
        }
        if (d.schemaFields() != null) {
          tx.insertInto(LINEAGE_DATASET_VERSIONS).set(LINEAGE_DATASET_VERSIONS.DATASET_ID, id)
              .set(LINEAGE_DATASET_VERSIONS.RUN_UUID, w.run() == null ? null : w.run().runUuid())
              .set(LINEAGE_DATASET_VERSIONS.FINGERPRINT, sha256(d.schemaFields()))
              .set(LINEAGE_DATASET_VERSIONS.FIELDS, d.schemaFields())
              .set(LINEAGE_DATASET_VERSIONS.CREATED_AT, now)
              .onConflict(LINEAGE_DATASET_VERSIONS.DATASET_ID, LINEAGE_DATASET_VERSIONS.FINGERPRINT).doNothing()
              .execute();
        }
      }
      for (ColumnEdgeWrite e : w.columnEdges()) {
        long src = dataset(tx, ids, e.srcNamespace(), e.srcName(), now);
        long dst = dataset(tx, ids, e.dstNamespace(), e.dstName(), now);
        columnEdge(tx, e, src, dst, jobId, now);
      }
    });
  }

  private static void columnEdge(DSLContext tx, ColumnEdgeWrite e, long src, long dst, Long jobId,
      OffsetDateTime now) {
    var match = LINEAGE_COLUMN_EDGES.SRC_DATASET_ID.eq(src).and(LINEAGE_COLUMN_EDGES.SRC_FIELD.eq(e.srcField()))
        .and(LINEAGE_COLUMN_EDGES.DST_DATASET_ID.eq(dst)).and(LINEAGE_COLUMN_EDGES.DST_FIELD.eq(e.dstField()))
        .and(jobId == null ? LINEAGE_COLUMN_EDGES.JOB_ID.isNull() : LINEAGE_COLUMN_EDGES.JOB_ID.eq(jobId));
    int updated = tx.update(LINEAGE_COLUMN_EDGES)
        .set(LINEAGE_COLUMN_EDGES.TRANSFORM_TYPE, e.type()).set(LINEAGE_COLUMN_EDGES.SUBTYPE, e.subtype())
        .set(LINEAGE_COLUMN_EDGES.MASKING, e.masking()).set(LINEAGE_COLUMN_EDGES.DESCRIPTION, e.description())
        .set(LINEAGE_COLUMN_EDGES.UPDATED_AT, now).where(match).execute();
    if (updated == 0) {
      tx.insertInto(LINEAGE_COLUMN_EDGES)
          .set(LINEAGE_COLUMN_EDGES.SRC_DATASET_ID, src).set(LINEAGE_COLUMN_EDGES.SRC_FIELD, e.srcField())
          .set(LINEAGE_COLUMN_EDGES.DST_DATASET_ID, dst).set(LINEAGE_COLUMN_EDGES.DST_FIELD, e.dstField())
          .set(LINEAGE_COLUMN_EDGES.JOB_ID, jobId)
          .set(LINEAGE_COLUMN_EDGES.TRANSFORM_TYPE, e.type()).set(LINEAGE_COLUMN_EDGES.SUBTYPE, e.subtype())
          .set(LINEAGE_COLUMN_EDGES.MASKING, e.masking()).set(LINEAGE_COLUMN_EDGES.DESCRIPTION, e.description())
          .set(LINEAGE_COLUMN_EDGES.UPDATED_AT, now).execute();
    }
  }

  private static void owners(DSLContext tx, String nodeType, long nodeId, java.util.List<LineageWrite.Owner> owners,
      OffsetDateTime now) {
    for (LineageWrite.Owner o : owners) {
      tx.insertInto(LINEAGE_OWNERS).set(LINEAGE_OWNERS.NODE_TYPE, nodeType).set(LINEAGE_OWNERS.NODE_ID, nodeId)
          .set(LINEAGE_OWNERS.OWNER, o.name()).set(LINEAGE_OWNERS.OWNER_TYPE, o.type())
          .set(LINEAGE_OWNERS.UPDATED_AT, now)
          .onDuplicateKeyUpdate().set(LINEAGE_OWNERS.OWNER_TYPE, o.type()).set(LINEAGE_OWNERS.UPDATED_AT, now)
          .execute();
    }
  }

  private static long job(DSLContext tx, LineageWrite.JobRef job, OffsetDateTime now) {
    tx.insertInto(LINEAGE_JOBS).set(LINEAGE_JOBS.NAMESPACE, job.namespace()).set(LINEAGE_JOBS.NAME, job.name())
        .set(LINEAGE_JOBS.FLOW_ID, job.flowId()).set(LINEAGE_JOBS.CREATED_AT, now)
        .set(LINEAGE_JOBS.UPDATED_AT, now)
        .onConflict(LINEAGE_JOBS.NAMESPACE, LINEAGE_JOBS.NAME).doUpdate().set(LINEAGE_JOBS.UPDATED_AT, now)
        .execute();
    return tx.select(LINEAGE_JOBS.ID).from(LINEAGE_JOBS)
        .where(LINEAGE_JOBS.NAMESPACE.eq(job.namespace())).and(LINEAGE_JOBS.NAME.eq(job.name()))
        .fetchSingle(LINEAGE_JOBS.ID);
  }

  private static void run(DSLContext tx, LineageWrite w, long jobId, OffsetDateTime now) {
    String flowRun = w.run().flowRunId();
    if (flowRun != null && !tx.fetchExists(FLOW_RUNS, FLOW_RUNS.ID.eq(flowRun))) {
      flowRun = null;
    }
    String type = w.eventType() == null ? "OTHER" : w.eventType();
    boolean ended = ENDED.contains(type);
    var existing = tx.fetchOne(LINEAGE_RUNS, LINEAGE_RUNS.RUN_UUID.eq(w.run().runUuid()));
    if (existing == null) {
      tx.insertInto(LINEAGE_RUNS).set(LINEAGE_RUNS.RUN_UUID, w.run().runUuid()).set(LINEAGE_RUNS.JOB_ID, jobId)
          .set(LINEAGE_RUNS.FLOW_RUN_ID, flowRun).set(LINEAGE_RUNS.STATE, w.run().state())
          .set(LINEAGE_RUNS.STARTED_AT, ended ? null : w.eventTime())
          .set(LINEAGE_RUNS.ENDED_AT, ended ? w.eventTime() : null)
          .set(LINEAGE_RUNS.UPDATED_AT, now).set(LINEAGE_RUNS.ERROR_MESSAGE, w.run().error())
          .execute();
      return;
    }
    // a late RUNNING must not reopen a run that already ended
    if (existing.getEndedAt() == null || ended) {
      existing.setState(w.run().state());
    }
    if (ended) {
      existing.setEndedAt(w.eventTime());
    }
    if (w.run().error() != null) {
      existing.setErrorMessage(w.run().error());
    }
    existing.setUpdatedAt(now);
    existing.store();
  }

  private static long dataset(DSLContext tx, Map<String, Long> ids, String namespace, String name,
      OffsetDateTime now) {
    return ids.computeIfAbsent(namespace + "\u0000" + name, k -> {
      tx.insertInto(DATASETS).set(DATASETS.NAMESPACE, namespace).set(DATASETS.NAME, name)
          .set(DATASETS.CREATED_AT, now).set(DATASETS.UPDATED_AT, now)
          .onConflict(DATASETS.NAMESPACE, DATASETS.NAME).doNothing().execute();
      return tx.select(DATASETS.ID).from(DATASETS)
          .where(DATASETS.NAMESPACE.eq(namespace)).and(DATASETS.NAME.eq(name)).fetchSingle(DATASETS.ID);
    });
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
