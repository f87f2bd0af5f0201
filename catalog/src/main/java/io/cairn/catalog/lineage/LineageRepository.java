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
 * Stores OpenLineage events: one event, or a batch of them, in one transaction. Concurrent writers are safe:
 * every row is written with an upsert ({@code merge}/{@code on conflict}) keyed by its natural key.
 */
public final class LineageRepository {
  private static final Set<String> ENDED = Set.of("COMPLETE", "FAIL", "ABORT");

  private final DSLContext dsl;

  public LineageRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /** Stores one event and everything it says about jobs, runs, datasets and edges. */
  public void store(LineageWrite w) {
    storeAll(java.util.List.of(w));
  }

  /**
   * Stores events in order, all in one transaction (all or none): jobs and datasets are resolved once per call
   * (in a fixed order, so concurrent calls lock them alike), and the rows that need no answer (events, reads and
   * writes, tags, schema versions, owners, column edges) are written as JDBC batches of prepared statements; runs
   * are read once and written once. A transaction that the database aborts for a deadlock, a serialization
   * failure or a unique key another writer took first is retried (up to 5 times).
   */
  public void storeAll(java.util.List<LineageWrite> writes) {
    if (writes.isEmpty()) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        dsl.transaction(cfg -> write(cfg.dsl(), writes));
        return;
      } catch (org.jooq.exception.DataAccessException e) {
        String state = e.sqlState();
        // deadlock, serialization failure, or a run another call stored first
        if (attempt >= 5 || !("40P01".equals(state) || "40001".equals(state) || "23505".equals(state))) {
          throw e;
        }
      }
    }
  }

  private static void write(DSLContext tx, java.util.List<LineageWrite> writes) {
    OffsetDateTime now = now();
    java.util.List<org.jooq.Query> later = new java.util.ArrayList<>();
    // jobs and datasets first, sorted by name
    java.util.TreeMap<String, LineageWrite.JobRef> jobRefs = new java.util.TreeMap<>();
    java.util.TreeSet<String> datasetKeys = new java.util.TreeSet<>();
    for (LineageWrite w : writes) {
      if (w.job() != null) {
        jobRefs.putIfAbsent(key(w.job().namespace(), w.job().name()), w.job());
      }
      w.datasets().forEach(d -> datasetKeys.add(key(d.namespace(), d.name())));
      for (ColumnEdgeWrite e : w.columnEdges()) {
        datasetKeys.add(key(e.srcNamespace(), e.srcName()));
        datasetKeys.add(key(e.dstNamespace(), e.dstName()));
      }
    }
    Map<String, Long> jobIds = jobs(tx, jobRefs, now);
    Map<String, Long> ids = datasets(tx, datasetKeys, now);
    Runs runs = new Runs(tx, writes, now);
    // column edges: the last word on each edge of the call
    Map<java.util.List<Object>, Object[]> columnEdges = new java.util.LinkedHashMap<>();
    for (LineageWrite w : writes) {
      later.add(tx.insertInto(LINEAGE_EVENTS)
          .set(LINEAGE_EVENTS.KIND, w.kind()).set(LINEAGE_EVENTS.EVENT_TYPE, w.eventType())
          .set(LINEAGE_EVENTS.EVENT_TIME, w.eventTime())
          .set(LINEAGE_EVENTS.RUN_UUID, w.run() == null ? null : w.run().runUuid())
          .set(LINEAGE_EVENTS.PRODUCER, w.producer()).set(LINEAGE_EVENTS.PAYLOAD, w.payload())
          .set(LINEAGE_EVENTS.RECEIVED_AT, now));
      Long jobId = w.job() == null ? null : jobIds.get(key(w.job().namespace(), w.job().name()));
      if (jobId != null) {
        owners(tx, "J", jobId, w.job().owners(), now, later);
      }
      if (w.run() != null && jobId != null) {
        runs.apply(w, jobId);
      }
      for (DatasetIo d : w.datasets()) {
        long id = ids.get(key(d.namespace(), d.name()));
        owners(tx, "D", id, d.owners(), now, later);
        if (d.direction() != null && jobId != null) {
          // an edge is written once: later runs of the job add to lineage_run_io, not here
          later.add(tx.insertInto(LINEAGE_IO).set(LINEAGE_IO.JOB_ID, jobId).set(LINEAGE_IO.DATASET_ID, id)
              .set(LINEAGE_IO.DIRECTION, d.direction()).set(LINEAGE_IO.CREATED_AT, now)
              .onDuplicateKeyIgnore());
          if (w.run() != null) {
            later.add(tx.insertInto(LINEAGE_RUN_IO).set(LINEAGE_RUN_IO.RUN_UUID, w.run().runUuid())
                .set(LINEAGE_RUN_IO.DATASET_ID, id).set(LINEAGE_RUN_IO.DIRECTION, d.direction())
                .onDuplicateKeyIgnore());
          }
        }
        for (LineageWrite.ColumnTag t : d.columnTags()) {
          later.add(tx.insertInto(LINEAGE_COLUMN_TAGS).set(LINEAGE_COLUMN_TAGS.DATASET_ID, id)
              .set(LINEAGE_COLUMN_TAGS.FIELD, t.field()).set(LINEAGE_COLUMN_TAGS.TAG, t.tag())
              .set(LINEAGE_COLUMN_TAGS.SOURCE, t.source()).set(LINEAGE_COLUMN_TAGS.CREATED_AT, now)
              .onDuplicateKeyIgnore());
        }
        if (d.schemaFields() != null) {
          later.add(tx.insertInto(LINEAGE_DATASET_VERSIONS).set(LINEAGE_DATASET_VERSIONS.DATASET_ID, id)
              .set(LINEAGE_DATASET_VERSIONS.RUN_UUID, w.run() == null ? null : w.run().runUuid())
              .set(LINEAGE_DATASET_VERSIONS.FINGERPRINT, sha256(d.schemaFields()))
              .set(LINEAGE_DATASET_VERSIONS.FIELDS, d.schemaFields())
              .set(LINEAGE_DATASET_VERSIONS.CREATED_AT, now)
              .onConflict(LINEAGE_DATASET_VERSIONS.DATASET_ID, LINEAGE_DATASET_VERSIONS.FINGERPRINT).doNothing());
        }
      }
      for (ColumnEdgeWrite e : w.columnEdges()) {
        long src = ids.get(key(e.srcNamespace(), e.srcName()));
        long dst = ids.get(key(e.dstNamespace(), e.dstName()));
        java.util.List<Object> k = java.util.Arrays.asList(src, e.srcField(), dst, e.dstField(), jobId);
        columnEdges.remove(k);
        columnEdges.put(k, new Object[] {e, src, dst, jobId});
      }
    }
    batch(tx, runs.writes());
    batch(tx, later);
    // column edges: the stored ones of the call's destinations are read in one query, then only the absent are
    // inserted and only those whose transformation changed are updated: the edges every run of a job repeats
    // cost no statement, no row version and no row lock other writers would wait for
    Map<java.util.List<Object>, java.util.List<Object>> stored = storedColumnEdges(tx,
        columnEdges.values().stream().map(e -> (Long) e[2]).collect(java.util.stream.Collectors.toSet()));
    java.util.List<org.jooq.Query> writesOfEdges = new java.util.ArrayList<>();
    for (Map.Entry<java.util.List<Object>, Object[]> edge : columnEdges.entrySet()) {
      Object[] e = edge.getValue();
      ColumnEdgeWrite w = (ColumnEdgeWrite) e[0];
      java.util.List<Object> said = java.util.Arrays.asList(w.type(), w.subtype(), w.masking(), w.description());
      java.util.List<Object> before = stored.get(edge.getKey());
      if (before == null) {
        writesOfEdges.add(columnEdgeInsert(tx, w, (Long) e[1], (Long) e[2], (Long) e[3], now));
      } else if (!before.equals(said)) {
        writesOfEdges.add(columnEdgeUpdate(tx, w, (Long) e[1], (Long) e[2], (Long) e[3], now));
      }
    }
    batch(tx, writesOfEdges);
  }

  /**
   * The stored column edges into the given datasets: key (src, srcField, dst, dstField, job) as {@code write} keys
   * them, value (type, subtype, masking, description).
   */
  private static Map<java.util.List<Object>, java.util.List<Object>> storedColumnEdges(DSLContext tx,
      java.util.Set<Long> destinations) {
    Map<java.util.List<Object>, java.util.List<Object>> stored = new HashMap<>();
    var f = LINEAGE_COLUMN_EDGES;
    for (java.util.List<Long> chunk : chunks(new java.util.ArrayList<>(destinations))) {
      tx.select(f.SRC_DATASET_ID, f.SRC_FIELD, f.DST_DATASET_ID, f.DST_FIELD, f.JOB_ID, f.TRANSFORM_TYPE, f.SUBTYPE,
              f.MASKING, f.DESCRIPTION).from(f).where(f.DST_DATASET_ID.in(chunk))
          .forEach(r -> stored.put(java.util.Arrays.asList(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()),
              java.util.Arrays.asList(r.value6(), r.value7(), r.value8(), r.value9())));
    }
    return stored;
  }

  /**
   * Executes the queries as JDBC batches of prepared statements, one per distinct SQL (in the order each SQL first
   * appears; the queries of one SQL in their order), so the database parses and plans each shape once. Answers
   * the update counts in the order of the queries.
   */
  private static int[] batch(DSLContext tx, java.util.List<org.jooq.Query> queries) {
    int[] counts = new int[queries.size()];
    Map<String, java.util.List<Integer>> groups = new java.util.LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      groups.computeIfAbsent(tx.render(queries.get(i)), k -> new java.util.ArrayList<>()).add(i);
    }
    for (java.util.List<Integer> group : groups.values()) {
      int[] groupCounts;
      if (group.size() == 1) {
        groupCounts = new int[] {queries.get(group.get(0)).execute()};
      } else {
        org.jooq.BatchBindStep step = tx.batch(queries.get(group.get(0)));
        for (int i : group) {
          step = step.bind(tx.extractBindValues(queries.get(i)).toArray());
        }
        groupCounts = step.execute();
      }
      for (int i = 0; i < group.size(); i++) {
        if (groupCounts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
          throw new IllegalStateException("the driver gave no update counts for a lineage batch");
        }
        counts[group.get(i)] = groupCounts[i];
      }
    }
    return counts;
  }

  private static String key(String namespace, String name) {
    return namespace + "\u0000" + name;
  }

  /** The most bind values one lookup's {@code in (...)} list takes. */
  private static final int IN_LIST = 500;

  /** The list in consecutive pieces of at most {@link #IN_LIST} elements (views of it). */
  private static <T> java.util.List<java.util.List<T>> chunks(java.util.List<T> all) {
    java.util.List<java.util.List<T>> chunks = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_LIST) {
      chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
    }
    return chunks;
  }

  /**
   * The names of keys (from {@link #key}) by namespace, in lists of at most {@link #IN_LIST} (so a query's bind values stay
   * few): each entry of the answer is one lookup; a namespace with more names comes several times.
   */
  private static java.util.List<Map.Entry<String, java.util.List<String>>> byNamespaceChunks(
      java.util.Collection<String> keys) {
    Map<String, java.util.List<String>> names = new java.util.TreeMap<>();
    for (String k : keys) {
      String[] p = k.split("\u0000", 2);
      names.computeIfAbsent(p[0], n -> new java.util.ArrayList<>()).add(p[1]);
    }
    java.util.List<Map.Entry<String, java.util.List<String>>> chunks = new java.util.ArrayList<>();
    names.forEach((namespace, all) -> {
      for (java.util.List<String> chunk : chunks(all)) {
        chunks.add(Map.entry(namespace, chunk));
      }
    });
    return chunks;
  }

  /** Upserts the datasets named (keys from {@link #key}) and answers their ids by key. */
  private static Map<String, Long> datasets(DSLContext tx, java.util.Collection<String> keys, OffsetDateTime now) {
    Map<String, Long> ids = new HashMap<>();
    java.util.List<org.jooq.Query> inserts = new java.util.ArrayList<>();
    for (String k : keys) {
      String[] p = k.split("\u0000", 2);
      inserts.add(tx.insertInto(DATASETS).set(DATASETS.NAMESPACE, p[0]).set(DATASETS.NAME, p[1])
          .set(DATASETS.CREATED_AT, now).set(DATASETS.UPDATED_AT, now)
          .onConflict(DATASETS.NAMESPACE, DATASETS.NAME).doNothing());
    }
    batch(tx, inserts);
    // one query per namespace and IN_LIST names, "namespace = ? and name in (...)": an index range per name on the
    // (namespace, name) key, where a list of (namespace, name) pairs made PostgreSQL scan the whole table
    for (Map.Entry<String, java.util.List<String>> chunk : byNamespaceChunks(keys)) {
      tx.select(DATASETS.ID, DATASETS.NAME).from(DATASETS)
          .where(DATASETS.NAMESPACE.eq(chunk.getKey()).and(DATASETS.NAME.in(chunk.getValue())))
          .forEach(r -> ids.put(key(chunk.getKey(), r.value2()), r.value1()));
    }
    for (String k : keys) {
      if (!ids.containsKey(k)) {
        throw new IllegalStateException("dataset not stored: " + k.replace('\u0000', ':'));
      }
    }
    return ids;
  }

  /** The stored edge {@code e} names: same source and destination fields, same job (or none). */
  private static org.jooq.Condition sameEdge(ColumnEdgeWrite e, long src, long dst, Long jobId) {
    return LINEAGE_COLUMN_EDGES.SRC_DATASET_ID.eq(src).and(LINEAGE_COLUMN_EDGES.SRC_FIELD.eq(e.srcField()))
        .and(LINEAGE_COLUMN_EDGES.DST_DATASET_ID.eq(dst)).and(LINEAGE_COLUMN_EDGES.DST_FIELD.eq(e.dstField()))
        .and(jobId == null ? LINEAGE_COLUMN_EDGES.JOB_ID.isNull() : LINEAGE_COLUMN_EDGES.JOB_ID.eq(jobId));
  }

  /** Sets the stored edge's transformation to what the event says. */
  private static org.jooq.Query columnEdgeUpdate(DSLContext tx, ColumnEdgeWrite e, long src, long dst, Long jobId,
      OffsetDateTime now) {
    return tx.update(LINEAGE_COLUMN_EDGES)
        .set(LINEAGE_COLUMN_EDGES.TRANSFORM_TYPE, e.type()).set(LINEAGE_COLUMN_EDGES.SUBTYPE, e.subtype())
        .set(LINEAGE_COLUMN_EDGES.MASKING, e.masking()).set(LINEAGE_COLUMN_EDGES.DESCRIPTION, e.description())
        .set(LINEAGE_COLUMN_EDGES.UPDATED_AT, now).where(sameEdge(e, src, dst, jobId));
  }

  /**
   * Inserts an edge that was not stored when the call read them; a concurrent call inserting the same job's edge
   * first makes this one's transaction fail on the unique key and be retried, then reading it as stored.
   */
  private static org.jooq.Query columnEdgeInsert(DSLContext tx, ColumnEdgeWrite e, long src, long dst, Long jobId,
      OffsetDateTime now) {
    return tx.insertInto(LINEAGE_COLUMN_EDGES)
        .set(LINEAGE_COLUMN_EDGES.SRC_DATASET_ID, src).set(LINEAGE_COLUMN_EDGES.SRC_FIELD, e.srcField())
        .set(LINEAGE_COLUMN_EDGES.DST_DATASET_ID, dst).set(LINEAGE_COLUMN_EDGES.DST_FIELD, e.dstField())
        .set(LINEAGE_COLUMN_EDGES.JOB_ID, jobId)
        .set(LINEAGE_COLUMN_EDGES.TRANSFORM_TYPE, e.type()).set(LINEAGE_COLUMN_EDGES.SUBTYPE, e.subtype())
        .set(LINEAGE_COLUMN_EDGES.MASKING, e.masking()).set(LINEAGE_COLUMN_EDGES.DESCRIPTION, e.description())
        .set(LINEAGE_COLUMN_EDGES.UPDATED_AT, now);
  }

  private static void owners(DSLContext tx, String nodeType, long nodeId, java.util.List<LineageWrite.Owner> owners,
      OffsetDateTime now, java.util.List<org.jooq.Query> later) {
    for (LineageWrite.Owner o : owners) {
      later.add(tx.insertInto(LINEAGE_OWNERS).set(LINEAGE_OWNERS.NODE_TYPE, nodeType).set(LINEAGE_OWNERS.NODE_ID, nodeId)
          .set(LINEAGE_OWNERS.OWNER, o.name()).set(LINEAGE_OWNERS.OWNER_TYPE, o.type())
          .set(LINEAGE_OWNERS.UPDATED_AT, now)
          .onDuplicateKeyUpdate().set(LINEAGE_OWNERS.OWNER_TYPE, o.type()).set(LINEAGE_OWNERS.UPDATED_AT, now));
    }
  }

  /**
   * Inserts the jobs not stored yet (by key, in key order) and answers their ids by key. A known job's row is not
   * touched: its runs say when it last ran, and rewriting it made concurrent calls wait on each other's lock.
   */
  private static Map<String, Long> jobs(DSLContext tx, java.util.SortedMap<String, LineageWrite.JobRef> jobs,
      OffsetDateTime now) {
    java.util.List<org.jooq.Query> upserts = new java.util.ArrayList<>();
    for (LineageWrite.JobRef job : jobs.values()) {
      upserts.add(tx.insertInto(LINEAGE_JOBS).set(LINEAGE_JOBS.NAMESPACE, job.namespace())
          .set(LINEAGE_JOBS.NAME, job.name()).set(LINEAGE_JOBS.FLOW_ID, job.flowId())
          .set(LINEAGE_JOBS.CREATED_AT, now).set(LINEAGE_JOBS.UPDATED_AT, now)
          .onConflict(LINEAGE_JOBS.NAMESPACE, LINEAGE_JOBS.NAME).doNothing());
    }
    batch(tx, upserts);
    Map<String, Long> ids = new HashMap<>();
    for (Map.Entry<String, java.util.List<String>> chunk : byNamespaceChunks(jobs.keySet())) {
      tx.select(LINEAGE_JOBS.ID, LINEAGE_JOBS.NAME).from(LINEAGE_JOBS)
          .where(LINEAGE_JOBS.NAMESPACE.eq(chunk.getKey()).and(LINEAGE_JOBS.NAME.in(chunk.getValue())))
          .forEach(r -> ids.put(key(chunk.getKey(), r.value2()), r.value1()));
    }
    if (ids.size() != jobs.size()) {
      throw new IllegalStateException("jobs not stored: " + jobs.keySet());
    }
    return ids;
  }

  /**
   * The runs a call touches: read once, changed in memory event by event as each event would change the stored
   * run, then written (new runs inserted, known ones updated).
   */
  private static final class Runs {
    private final DSLContext tx;
    private final OffsetDateTime now;
    private final Map<String, io.cairn.catalog.jooq.tables.records.LineageRunsRecord> runs = new HashMap<>();
    private final java.util.Set<String> fresh = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> changed = new java.util.LinkedHashSet<>();

    Runs(DSLContext tx, java.util.List<LineageWrite> writes, OffsetDateTime now) {
      this.tx = tx;
      this.now = now;
      java.util.List<String> uuids = writes.stream().filter(w -> w.run() != null).map(w -> w.run().runUuid())
          .distinct().toList();
      for (java.util.List<String> chunk : chunks(uuids)) {
        tx.selectFrom(LINEAGE_RUNS).where(LINEAGE_RUNS.RUN_UUID.in(chunk)).forEach(r -> runs.put(r.getRunUuid(), r));
      }
    }

    void apply(LineageWrite w, long jobId) {
      String flowRun = w.run().flowRunId();
      if (flowRun != null && !tx.fetchExists(FLOW_RUNS, FLOW_RUNS.ID.eq(flowRun))) {
        flowRun = null;
      }
      String type = w.eventType() == null ? "OTHER" : w.eventType();
      boolean ended = ENDED.contains(type);
      String uuid = w.run().runUuid();
      var existing = runs.get(uuid);
      if (existing == null) {
        var r = tx.newRecord(LINEAGE_RUNS);
        r.setRunUuid(uuid);
        r.setJobId(jobId);
        r.setFlowRunId(flowRun);
        r.setState(w.run().state());
        r.setStartedAt(ended ? null : w.eventTime());
        r.setEndedAt(ended ? w.eventTime() : null);
        r.setUpdatedAt(now);
        r.setErrorMessage(w.run().error());
        runs.put(uuid, r);
        fresh.add(uuid);
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
      changed.add(uuid);
    }

    /** The inserts and updates that store what the events did to the runs. */
    java.util.List<org.jooq.Query> writes() {
      java.util.List<org.jooq.Query> out = new java.util.ArrayList<>();
      for (String uuid : fresh) {
        var r = runs.get(uuid);
        out.add(tx.insertInto(LINEAGE_RUNS).set(LINEAGE_RUNS.RUN_UUID, uuid).set(LINEAGE_RUNS.JOB_ID, r.getJobId())
            .set(LINEAGE_RUNS.FLOW_RUN_ID, r.getFlowRunId()).set(LINEAGE_RUNS.STATE, r.getState())
            .set(LINEAGE_RUNS.STARTED_AT, r.getStartedAt()).set(LINEAGE_RUNS.ENDED_AT, r.getEndedAt())
            .set(LINEAGE_RUNS.UPDATED_AT, r.getUpdatedAt()).set(LINEAGE_RUNS.ERROR_MESSAGE, r.getErrorMessage()));
      }
      for (String uuid : changed) {
        if (!fresh.contains(uuid)) {
          var r = runs.get(uuid);
          out.add(tx.update(LINEAGE_RUNS).set(LINEAGE_RUNS.STATE, r.getState())
              .set(LINEAGE_RUNS.ENDED_AT, r.getEndedAt()).set(LINEAGE_RUNS.ERROR_MESSAGE, r.getErrorMessage())
              .set(LINEAGE_RUNS.UPDATED_AT, r.getUpdatedAt()).where(LINEAGE_RUNS.RUN_UUID.eq(uuid)));
        }
      }
      return out;
    }
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
