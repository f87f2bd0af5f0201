package io.cairn.platform.flows.camel;

import io.cairn.platform.flows.RunContext;

/** Bridges package-private counting on {@link RunContext} for the component's classes. */
final class FlowCounters {
  static final String RUN_ID = "cairn.runId";

  private FlowCounters() {}

  static void countIn(RunContext run, long rows) {
    run.recordIn(rows);
  }

  static void countOut(RunContext run, long rows) {
    run.recordOut(rows);
  }
}
