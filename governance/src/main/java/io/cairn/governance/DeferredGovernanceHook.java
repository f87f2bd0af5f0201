package io.cairn.governance;

import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.step.ColumnDerivation;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A hook whose implementation is set once, after the runtime that calls it was built (the composition root
 * wires policy after the flow runtime). Until it is set, batches pass through; it is set before any flow runs.
 */
public final class DeferredGovernanceHook implements GovernanceHook {
  private volatile GovernanceHook delegate = new GovernanceHook() {};
  private boolean isSet;

  /** Sets the implementation; once. */
  public synchronized void set(GovernanceHook hook) {
    Objects.requireNonNull(hook, "hook");
    if (isSet) {
      throw new IllegalStateException("the deferred governance hook is already set");
    }
    delegate = hook;
    isSet = true;
  }

  @Override
  public void onRunStart(RunScope run) {
    delegate.onRunStart(run);
  }

  @Override
  public Batch afterRead(RunScope run, DatasetRef source, Batch batch) {
    return delegate.afterRead(run, source, batch);
  }

  @Override
  public Batch beforeStep(RunScope run, String stepName, Set<Purpose> purposes, List<ColumnDerivation> lineage,
      Batch batch) {
    return delegate.beforeStep(run, stepName, purposes, lineage, batch);
  }

  @Override
  public Batch beforeWrite(RunScope run, DatasetRef target, Set<Purpose> purposes, Batch batch) {
    return delegate.beforeWrite(run, target, purposes, batch);
  }

  @Override
  public void afterWrite(RunScope run, DatasetRef target, Batch batch, long rows) {
    delegate.afterWrite(run, target, batch, rows);
  }

  @Override
  public void onEndpoint(RunScope run, DatasetRef dataset, Direction direction) {
    delegate.onEndpoint(run, dataset, direction);
  }

  @Override
  public void onRunEnd(RunScope run, String state, Throwable error) {
    delegate.onRunEnd(run, state, error);
  }
}
