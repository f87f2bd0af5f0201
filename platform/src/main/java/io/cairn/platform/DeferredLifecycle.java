package io.cairn.platform;

import io.cairn.platform.flows.FlowRuntime;
import io.cairn.platform.flows.RunContext;
import io.cairn.platform.flows.RunLifecycle;

/** Breaks the construction cycle between the cairn component and the runtime that owns the context. */
final class DeferredLifecycle implements RunLifecycle {
  private final FlowRuntime[] runtime;

  DeferredLifecycle(FlowRuntime[] runtime) {
    this.runtime = runtime;
  }

  @Override
  public void sourceFinished(RunContext run) {
    runtime[0].sourceFinished(run);
  }

  @Override
  public void runFailed(RunContext run, Throwable error) {
    runtime[0].runFailed(run, error);
  }
}
