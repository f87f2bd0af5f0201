package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.FLOW_RUNS;

import io.cairn.catalog.jooq.tables.records.FlowRunsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Flow runs. */
public final class RunRepository {
  /** The error recorded on runs found RUNNING at start: the server died under them. */
  public static final String INTERRUPTED =
      "interrupted: the server stopped while this run was in progress (crash or kill); re-run the flow";

  private final DSLContext dsl;

  public RunRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  public RunEntry start(String runId, FlowId flowId, int version, String trigger, String node) {
    var now = Clock.now();
    dsl.insertInto(FLOW_RUNS)
        .set(FLOW_RUNS.ID, runId).set(FLOW_RUNS.FLOW_ID, flowId.value()).set(FLOW_RUNS.FLOW_VERSION, version)
        .set(FLOW_RUNS.STATE, RunState.RUNNING.name()).set(FLOW_RUNS.RUN_TRIGGER, trigger)
        .set(FLOW_RUNS.NODE, node).set(FLOW_RUNS.STARTED_AT, now).set(FLOW_RUNS.HEARTBEAT_AT, now).execute();
    return find(runId).orElseThrow();
  }

  /** Stores the current counts of a running run (called per batch or periodically). */
  public void progress(String runId, long rowsIn, long rowsOut, long quarantined, long batches) {
    dsl.update(FLOW_RUNS)
        .set(FLOW_RUNS.ROWS_IN, rowsIn).set(FLOW_RUNS.ROWS_OUT, rowsOut)
        .set(FLOW_RUNS.ROWS_QUARANTINED, quarantined).set(FLOW_RUNS.BATCHES, batches)
        .set(FLOW_RUNS.HEARTBEAT_AT, Clock.now())
        .where(FLOW_RUNS.ID.eq(runId)).execute();
  }

  /** Ends a run once; a run already ended keeps its first end state. */
  public boolean finish(String runId, RunState state, String error) {
    if (!state.terminal()) {
      throw new IllegalArgumentException("not an end state: " + state);
    }
    return dsl.update(FLOW_RUNS)
        .set(FLOW_RUNS.STATE, state.name()).set(FLOW_RUNS.ENDED_AT, Clock.now())
        .set(FLOW_RUNS.ERROR, error == null ? null : truncate(error))
        .where(FLOW_RUNS.ID.eq(runId)).and(FLOW_RUNS.STATE.eq(RunState.RUNNING.name())).execute() == 1;
  }

  /**
   * Marks every run still RUNNING on this node as FAILED: called at start, when no run of this node can be
   * alive. Returns how many were marked.
   */
  public int failInterrupted(String node) {
    return dsl.update(FLOW_RUNS)
        .set(FLOW_RUNS.STATE, RunState.FAILED.name()).set(FLOW_RUNS.ENDED_AT, Clock.now())
        .set(FLOW_RUNS.ERROR, INTERRUPTED)
        .where(FLOW_RUNS.STATE.eq(RunState.RUNNING.name())).and(FLOW_RUNS.NODE.eq(node)).execute();
  }

  public Optional<RunEntry> find(String runId) {
    return Optional.ofNullable(dsl.fetchOne(FLOW_RUNS, FLOW_RUNS.ID.eq(runId))).map(RunRepository::map);
  }

  public List<RunEntry> forFlow(FlowId flowId, int limit) {
    return dsl.selectFrom(FLOW_RUNS).where(FLOW_RUNS.FLOW_ID.eq(flowId.value()))
        .orderBy(FLOW_RUNS.STARTED_AT.desc(), FLOW_RUNS.ID.desc()).limit(limit).fetch().map(RunRepository::map);
  }

  public Optional<RunEntry> latest(FlowId flowId) {
    return forFlow(flowId, 1).stream().findFirst();
  }

  private static String truncate(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
  }

  private static RunEntry map(FlowRunsRecord r) {
    return new RunEntry(r.getId(), new FlowId(r.getFlowId()), r.getFlowVersion(), RunState.valueOf(r.getState()),
        r.getRunTrigger(), r.getNode(), r.getStartedAt(), r.getEndedAt(), r.getHeartbeatAt(), r.getRowsIn(),
        r.getRowsOut(), r.getRowsQuarantined(), r.getBatches(), r.getError());
  }
}
