package io.cairn.platform.flows;

import io.cairn.catalog.FlowId;
import io.cairn.catalog.QuarantineEntry;
import io.cairn.catalog.QuarantineRepository;
import io.cairn.catalog.RunRepository;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.spi.TaskContext;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a flow: its counts, its quarantine buffer, the tasks it opened, and the governance scope.
 * Thread-safe. Tasks are opened lazily by the endpoints and closed when the run ends.
 */
public final class RunContext implements TaskContext {
  private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

  private final FlowId flowId;
  private final String runId;
  private final RunScope scope;
  private final Path workDir;
  private final GovernanceHook governance;
  private final RunRepository runs;
  private final QuarantineRepository quarantine;
  private final AtomicLong rowsIn = new AtomicLong();
  private final AtomicLong rowsOut = new AtomicLong();
  private final AtomicLong quarantined = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final List<QuarantineEntry> pending = new ArrayList<>();
  private final List<PendingWrite> sent = new ArrayList<>();
  private final Map<String, AutoCloseable> tasks = new ConcurrentHashMap<>();
  private final Map<String, Boolean> endpointsSeen = new ConcurrentHashMap<>();
  private final long startedNanos = System.nanoTime();
  private final Replay replay;

  RunContext(FlowId flowId, String runId, String principal, Path workDir, GovernanceHook governance,
      RunRepository runs, QuarantineRepository quarantine, Replay replay) {
    this.replay = replay;
    this.flowId = flowId;
    this.runId = runId;
    this.scope = new RunScope(flowId.value(), runId, principal);
    this.workDir = workDir;
    this.governance = governance;
    this.runs = runs;
    this.quarantine = quarantine;
  }

  @Override
  public String flowId() {
    return flowId.value();
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  public RunScope scope() {
    return scope;
  }

  public GovernanceHook governance() {
    return governance;
  }

  /** The quarantined records this run replays instead of reading its source, if it is a replay run. */
  public java.util.Optional<Replay> replay() {
    return java.util.Optional.ofNullable(replay);
  }

  @Override
  public void quarantine(Provenance where, String rawRecord, String reason) {
    quarantine(where, null, rawRecord, reason);
  }

  @Override
  public void quarantine(Row row, String rawRecord, String reason) {
    quarantine(row.provenance(), row.subjectId(), rawRecord, reason);
  }

  private void quarantine(Provenance where, String subjectId, String rawRecord, String reason) {
    quarantined.incrementAndGet();
    synchronized (pending) {
      pending.add(new QuarantineEntry(0, runId, flowId, where.dataset().namespace(), where.dataset().name(),
          where.offset(), reason, rawRecord, null, subjectId));
    }
  }

  @Override
  public void reportMetrics(String name, Map<String, Double> counts) {
    governance.onMetrics(scope, name, Map.copyOf(counts));
  }

  /** Counts rows read (after governance) as one batch. */
  public void recordIn(long rows) {
    rowsIn.addAndGet(rows);
    batches.incrementAndGet();
  }

  /** Counts rows written by a sink. */
  public void recordOut(long rows) {
    rowsOut.addAndGet(rows);
  }

  /** Whether this endpoint was already reported to governance in this run (dataset-level lineage). */
  public boolean firstSight(String endpointKey) {
    return endpointsSeen.putIfAbsent(endpointKey, Boolean.TRUE) == null;
  }

  /** The task for an endpoint in this run, opened on first use by {@code opener}. */
  @SuppressWarnings("unchecked")
  public <T extends AutoCloseable> T task(String endpointKey, TaskOpener<T> opener) throws Exception {
    AutoCloseable existing = tasks.get(endpointKey);
    if (existing != null) {
      return (T) existing;
    }
    synchronized (tasks) {
      existing = tasks.get(endpointKey);
      if (existing == null) {
        existing = opener.open();
        tasks.put(endpointKey, existing);
      }
      return (T) existing;
    }
  }

  /** Opens a task. */
  @FunctionalInterface
  public interface TaskOpener<T> {
    T open() throws Exception;
  }

  /** Writes buffered quarantine records and the current counts to the catalog. */
  public void checkpoint() {
    quarantine.addAll(drainQuarantined());
    runs.progress(runId, rowsIn.get(), rowsOut.get(), quarantined.get(), batches.get());
  }

  /** Takes the quarantine records buffered since the last call, to store with a batch's offset. */
  public List<QuarantineEntry> drainQuarantined() {
    synchronized (pending) {
      List<QuarantineEntry> batch = new ArrayList<>(pending);
      pending.clear();
      return batch;
    }
  }

  /** Records a sink's write of the batch going through the route, to be awaited before its offset commits. */
  public void sent(PendingWrite write) {
    synchronized (sent) {
      sent.add(write);
    }
  }

  /** Takes the writes recorded since the last call: those of the batch that just went through the route. */
  public List<PendingWrite> drainSent() {
    synchronized (sent) {
      List<PendingWrite> writes = List.copyOf(sent);
      sent.clear();
      return writes;
    }
  }

  /** Closes every task the run opened; problems are logged, not thrown. */
  void closeTasks() {
    for (var e : tasks.entrySet()) {
      try {
        e.getValue().close();
      } catch (Exception ex) {
        LOG.warn("flow {} run {}: closing {} failed: {}", flowId, runId, e.getKey(), ex.toString());
      }
    }
    tasks.clear();
  }

  public long rowsIn() {
    return rowsIn.get();
  }

  public long rowsOut() {
    return rowsOut.get();
  }

  public long rowsQuarantined() {
    return quarantined.get();
  }

  public long batches() {
    return batches.get();
  }

  /** Rows read per second since the run started. */
  public double rowsPerSecond() {
    double secs = (System.nanoTime() - startedNanos) / 1e9;
    return secs <= 0 ? 0 : rowsIn.get() / secs;
  }
}
