package io.cairn.platform.flows;

/** How endpoints tell the runtime that a run's bounded source is done, or that the run failed. */
public interface RunLifecycle {
  /** Every bounded source of the run was read to its end and every batch was written. */
  void sourceFinished(RunContext run);

  /** Processing a batch failed; the run ends as FAILED and its offsets stay at the last good batch. */
  void runFailed(RunContext run, Throwable error);
}
