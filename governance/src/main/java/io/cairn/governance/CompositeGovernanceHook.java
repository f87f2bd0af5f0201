package io.cairn.governance;

import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.step.ColumnDerivation;
import java.util.List;
import java.util.Set;

/** Calls several hooks in order, each batch-returning call feeding the next. */
public final class CompositeGovernanceHook implements GovernanceHook {
  private final List<GovernanceHook> hooks;

  public CompositeGovernanceHook(List<GovernanceHook> hooks) {
    this.hooks = List.copyOf(hooks);
  }

  @Override
  public void onRunStart(RunScope run) {
    hooks.forEach(h -> h.onRunStart(run));
  }

  @Override
  public Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    Batch b = batch;
    for (GovernanceHook h : hooks) {
      b = h.afterRead(run, source, b);
    }
    return b;
  }

  @Override
  public Batch beforeStep(RunScope run, String stepName, Set<Purpose> purposes, List<ColumnDerivation> lineage,
      Batch batch) {
    Batch b = batch;
    for (GovernanceHook h : hooks) {
      b = h.beforeStep(run, stepName, purposes, lineage, b);
    }
    return b;
  }

  @Override
  public Batch beforeWrite(RunScope run, DatasetRef target, Set<Purpose> purposes, Batch batch) {
    Batch b = batch;
    for (GovernanceHook h : hooks) {
      b = h.beforeWrite(run, target, purposes, b);
    }
    return b;
  }

  @Override
  public void afterWrite(RunScope run, DatasetRef target, Batch batch, long rows) {
    hooks.forEach(h -> h.afterWrite(run, target, batch, rows));
  }

  @Override
  public void onEndpoint(RunScope run, DatasetRef dataset, Direction direction) {
    hooks.forEach(h -> h.onEndpoint(run, dataset, direction));
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    hooks.forEach(h -> h.onRunEnd(run, state, error));
  }

  @Override
  public void onMetrics(RunScope run, String name, java.util.Map<String, Double> counts) {
    hooks.forEach(h -> h.onMetrics(run, name, counts));
  }
}
