package io.cairn.governance.lineage;

import io.cairn.governance.RunScope;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run has read and written so far: datasets with their last schema and row counts, the column
 * trace of the batch each thread is carrying, and the column lineage and tags of every output. Thread-safe;
 * every call is per batch, never per row.
 */
final class RunLineage {
  final RunScope scope;
  final java.util.UUID runUuid;
  final Map<DatasetRef, Io> inputs = new ConcurrentHashMap<>();
  final Map<DatasetRef, Io> outputs = new ConcurrentHashMap<>();
  private final Map<Long, ColumnTrace> traces = new ConcurrentHashMap<>();
  private volatile ColumnTrace last;
  private final AtomicLong version = new AtomicLong();
  /** Metrics the run's steps reported (quality, consent, ...), summed over batches. */
  final RunMetrics metrics = new RunMetrics();
  volatile long emittedVersion;
  /** Set once the run's last event was emitted; guarded by this object. */
  boolean ended;

  private final java.util.function.Function<DatasetRef, Map<String, Set<String>>> tagLookup;
  private final java.util.function.Function<DatasetRef, Map<String, Set<String>>> overrideLookup;
  private final Map<DatasetRef, Map<String, Set<String>>> knownTags = new ConcurrentHashMap<>();
  private final Map<DatasetRef, Map<String, Set<String>>> knownOverrides = new ConcurrentHashMap<>();

  RunLineage(RunScope scope, java.util.function.Function<DatasetRef, Map<String, Set<String>>> tagLookup,
      java.util.function.Function<DatasetRef, Map<String, Set<String>>> overrideLookup) {
    this.scope = scope;
    this.tagLookup = tagLookup;
    this.overrideLookup = overrideLookup;
    this.runUuid = uuid(scope.runId());
  }

  /** A dataset's side of the run. */
  static final class Io {
    volatile Schema schema;
    final AtomicLong rows = new AtomicLong();
    /** output column -> source field -> strongest transformation; outputs only. */
    final Map<String, Map<ColumnTrace.Field, Kind>> columns = new ConcurrentHashMap<>();
    /** output column -> tags carried; outputs only. */
    final Map<String, Set<String>> tags = new ConcurrentHashMap<>();
    /** column -> the tags a steward set for it, which win over any other. */
    volatile Map<String, Set<String>> overrides = Map.of();
  }

  void read(DatasetRef source, Schema schema, long rows) {
    Io io = inputs.computeIfAbsent(source, k -> new Io());
    io.schema = schema;
    io.rows.addAndGet(rows);
    // the catalog is asked once per run and dataset, on its first batch
    io.overrides = knownOverrides.computeIfAbsent(source, overrideLookup);
    trace(ColumnTrace.read(source, schema, knownTags.computeIfAbsent(source, tagLookup), io.overrides));
    version.incrementAndGet();
  }

  void step(Schema input, List<io.cairn.spi.step.ColumnDerivation> derivations) {
    trace(current().step(input, derivations));
  }

  void wrote(DatasetRef target, Schema schema, long rows) {
    Io io = outputs.computeIfAbsent(target, k -> new Io());
    io.schema = schema;
    io.overrides = knownOverrides.computeIfAbsent(target, overrideLookup);
    io.rows.addAndGet(rows);
    ColumnTrace t = current().restrict(schema);
    t.origins().forEach((col, from) -> {
      Map<ColumnTrace.Field, Kind> known = io.columns.computeIfAbsent(col, k -> new ConcurrentHashMap<>());
      from.forEach((f, k) -> known.merge(f, k, ColumnTrace::stronger));
    });
    t.tags().forEach((col, tags) -> io.tags.merge(col, tags, (a, b) -> {
      Set<String> u = new TreeSet<>(a);
      u.addAll(b);
      return Set.copyOf(u);
    }));
    version.incrementAndGet();
  }

  void endpoint(DatasetRef dataset, boolean input) {
    (input ? inputs : outputs).computeIfAbsent(dataset, k -> new Io());
    version.incrementAndGet();
  }

  void metrics(String name, Map<String, Double> counts) {
    metrics.add(name, counts);
    version.incrementAndGet();
  }

  /** A number that grows whenever something worth a RUNNING event happened. */
  long version() {
    return version.get();
  }

  Map<DatasetRef, Io> snapshot(Map<DatasetRef, Io> side) {
    return new LinkedHashMap<>(side);
  }

  private ColumnTrace current() {
    ColumnTrace t = traces.get(Thread.currentThread().threadId());
    if (t == null) {
      t = last;
    }
    return t == null ? new ColumnTrace(Map.of(), Map.of()) : t;
  }

  private void trace(ColumnTrace t) {
    traces.put(Thread.currentThread().threadId(), t);
    last = t;
  }

  private static java.util.UUID uuid(String runId) {
    try {
      return java.util.UUID.fromString(runId);
    } catch (IllegalArgumentException notAUuid) {
      return java.util.UUID.nameUUIDFromBytes(runId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
