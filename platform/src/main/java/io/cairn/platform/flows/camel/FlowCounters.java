package io.cairn.platform.flows.camel;

import io.cairn.platform.flows.RunContext;

/** Bridges package-private counting on {@link RunContext} for the component's classes. */
final class FlowCounters {
  static final String RUN_ID = "cairn.runId";
  /**
   * The exchange property naming the source consumer's thread: a sink reached on that thread leaves its write
   * in flight for the consumer to await; anywhere else (a plain Camel route, a parallel branch) it waits.
   */
  static final String PIPELINED_ON = "cairn.pipelinedOn";

  private FlowCounters() {}

  static void countIn(RunContext run, long rows) {
    run.recordIn(rows);
  }

  static void countOut(RunContext run, long rows) {
    run.recordOut(rows);
  }
}
