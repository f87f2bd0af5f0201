package io.cairn.platform.flows;

import io.cairn.catalog.DatasetRepository;
import io.cairn.catalog.FlowEntry;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.FlowVersionEntry;
import io.cairn.catalog.OffsetRepository;
import io.cairn.catalog.QuarantineEntry;
import io.cairn.catalog.QuarantineRepository;
import io.cairn.catalog.RunDatasetEntry;
import io.cairn.catalog.RunEntry;
import io.cairn.catalog.RunRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Flows as users see them: deploy (a new version each time), run, stop, status and history. */
public final class FlowService {
  private static final Logger LOG = LoggerFactory.getLogger(FlowService.class);
  private final FlowRepository flows;
  private final RunRepository runs;
  private final QuarantineRepository quarantine;
  private final DatasetRepository datasets;
  private final OffsetRepository offsets;
  private final FlowRuntime runtime;
  private final FlowSecrets secrets;
  private volatile DeployGuard guard = DeployGuard.NONE;
  private final List<DeleteListener> deleteListeners = new CopyOnWriteArrayList<>();

  /** Told when a flow is deleted, e.g. to free what was kept for its reads. */
  @FunctionalInterface
  public interface DeleteListener {
    void deleted(FlowId id) throws Exception;
  }

  public FlowService(FlowRepository flows, RunRepository runs, QuarantineRepository quarantine,
      DatasetRepository datasets, OffsetRepository offsets, FlowRuntime runtime, FlowSecrets secrets) {
    this.flows = flows;
    this.runs = runs;
    this.quarantine = quarantine;
    this.datasets = datasets;
    this.offsets = offsets;
    this.runtime = runtime;
    this.secrets = secrets;
  }

  /** Adds a listener told after each flow is deleted (a failing listener is logged; the flow stays deleted). */
  public void onDelete(DeleteListener listener) {
    deleteListeners.add(listener);
  }

  /** Sets the check every deploy passes first (access policy). */
  public void setDeployGuard(DeployGuard guard) {
    this.guard = guard;
  }

  /**
   * Encrypts secret values of stored definitions with the box from now on: definitions are stored sealed and
   * opened only to load a route (see {@link FlowSecrets#seal}).
   */
  public void encryptSecretsWith(io.cairn.governance.keys.SecretBox box) {
    secrets.encryptWith(box);
  }

  /** The stored definition with its secrets sealed; unchanged when there is nothing to seal. */
  public String sealSecrets(String stored) {
    return secrets.seal(stored);
  }

  /** The stored definition as a route runs it: secrets opened. Never give the result to an API answer or a log. */
  public String openSecrets(String stored) {
    return secrets.open(stored);
  }

  /** A flow and what it is doing now. */
  public record FlowStatus(FlowEntry flow, String status, String loadError, RunEntry lastRun, Progress progress) {}

  /** Live counts of a run in progress. */
  public record Progress(String runId, long rowsIn, long rowsOut, long rowsQuarantined, long batches,
      double rowsPerSecond) {}

  /** A run with the datasets it read and wrote. */
  public record RunDetail(RunEntry run, List<RunDatasetEntry> datasets) {}

  /**
   * Validates and loads the definition, then stores it as the flow's next version (or first). An unchanged
   * definition keeps the current version. Masked secrets ({@link FlowSecrets#MASK}) keep their stored values.
   *
   * @return the flow, its secrets masked
   */
  public FlowEntry deploy(FlowId id, String name, String description, String definition, String runAs, String by) {
    Optional<FlowEntry> existing = flows.find(id);
    guard.check(id, runAs == null || runAs.isBlank() ? existing.map(FlowEntry::runAs).orElse(by) : runAs, by);
    String full = secrets.restore(definition, existing.map(FlowEntry::definition).orElse(null));
    String plain = secrets.open(full);
    runtime.deploy(id, plain);
    if (existing.isPresent() && secrets.open(existing.get().definition()).equals(plain)
        && same(existing.get().name(), name) && same(existing.get().description(), description)) {
      return masked(existing.get());
    }
    String flowName = name == null || name.isBlank() ? existing.map(FlowEntry::name).orElse(id.value()) : name;
    String principal = runAs == null || runAs.isBlank() ? existing.map(FlowEntry::runAs).orElse(by) : runAs;
    return masked(flows.save(id, flowName, description, "yaml", secrets.seal(full), principal, by));
  }

  private FlowEntry masked(FlowEntry f) {
    return new FlowEntry(f.id(), f.name(), f.description(), f.currentVersion(), f.format(),
        secrets.mask(f.definition()), f.desiredState(), f.runAs(), f.createdBy(), f.createdAt(), f.updatedAt());
  }

  public List<FlowStatus> list() {
    return flows.list().stream().map(this::status).toList();
  }

  public Optional<FlowStatus> get(FlowId id) {
    return flows.find(id).map(this::status);
  }

  public List<FlowVersionEntry> versions(FlowId id) {
    require(id);
    return flows.versions(id).stream().map(v -> new FlowVersionEntry(v.flowId(), v.version(), v.format(),
        secrets.mask(v.definition()), v.createdBy(), v.createdAt())).toList();
  }

  /** Runs the flow once: a bounded flow ends when its sources are read. */
  public RunEntry run(FlowId id) {
    require(id);
    return runtime.startRun(id, "manual");
  }

  /** Starts the flow and keeps it running across restarts of the server until stopped. */
  public RunEntry start(FlowId id) {
    require(id);
    RunEntry run = runtime.startRun(id, "start");
    flows.setDesiredState(id, "RUNNING");
    return run;
  }

  public boolean stop(FlowId id) {
    require(id);
    flows.setDesiredState(id, "STOPPED");
    return runtime.stopRun(id);
  }

  public void delete(FlowId id) {
    require(id);
    runtime.undeploy(id);
    flows.delete(id);
    for (DeleteListener l : deleteListeners) {
      try {
        l.deleted(id);
      } catch (Exception e) {
        LOG.warn("after deleting flow {}: {}", id, e.toString());
      }
    }
  }

  /** Forgets the committed source offsets: the next run reads everything again. */
  public int resetOffsets(FlowId id) {
    require(id);
    if (runtime.activeRun(id).isPresent()) {
      throw new IllegalStateException("flow " + id + " is running; stop it before resetting its offsets");
    }
    return offsets.reset(id);
  }

  public List<RunEntry> runs(FlowId id, int limit) {
    require(id);
    return runs.forFlow(id, limit);
  }

  /** A run with its datasets; a run in progress shows its live counts (the catalog has them every few seconds). */
  public Optional<RunDetail> run(FlowId id, String runId) {
    return runs.find(runId).filter(r -> r.flowId().equals(id))
        .map(r -> new RunDetail(live(r), datasets.forRun(runId)));
  }

  private RunEntry live(RunEntry r) {
    return runtime.activeRun(r.flowId()).filter(a -> a.runId().equals(r.id()) && !r.state().terminal())
        .map(a -> new RunEntry(r.id(), r.flowId(), r.flowVersion(), r.state(), r.trigger(), r.node(), r.startedAt(),
            r.endedAt(), r.heartbeatAt(), a.rowsIn(), a.rowsOut(), a.rowsQuarantined(), a.batches(), r.error()))
        .orElse(r);
  }

  public List<QuarantineEntry> quarantine(FlowId id, String runId, int offset, int limit) {
    require(id);
    return runId == null ? quarantine.forFlow(id, offset, limit) : quarantine.forRun(runId, offset, limit);
  }

  private FlowStatus status(FlowEntry f) {
    Optional<RunContext> active = runtime.activeRun(f.id());
    String loadError = runtime.loadError(f.id()).orElse(null);
    String status = active.isPresent() ? "RUNNING" : loadError != null ? "INVALID" : "IDLE";
    Progress progress = active.map(r -> new Progress(r.runId(), r.rowsIn(), r.rowsOut(), r.rowsQuarantined(),
        r.batches(), r.rowsPerSecond())).orElse(null);
    return new FlowStatus(masked(f), status, loadError, runs.latest(f.id()).map(this::live).orElse(null), progress);
  }

  private void require(FlowId id) {
    if (flows.find(id).isEmpty()) {
      throw new NoSuchFlowException(id);
    }
  }

  private static boolean same(String a, String b) {
    return b == null || b.equals(a);
  }

  /** No flow has the id. */
  public static final class NoSuchFlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoSuchFlowException(FlowId id) {
      super("no flow '" + id + "'");
    }
  }
}
