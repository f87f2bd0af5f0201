package io.cairn.catalog;

import java.time.OffsetDateTime;

/** A run of a flow: its state, counts and timings. */
public record RunEntry(
    String id, FlowId flowId, int flowVersion, RunState state, String trigger, String node,
    OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime heartbeatAt, long rowsIn, long rowsOut,
    long rowsQuarantined, long batches, String error) {}
