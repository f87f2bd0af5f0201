package io.cairn.catalog;

import java.time.OffsetDateTime;

/** A record that a flow could not process, with the reason, kept for a steward. */
public record QuarantineEntry(
    long id, String runId, FlowId flowId, String datasetNamespace, String datasetName, String sourceOffset,
    String reason, String payload, OffsetDateTime createdAt) {}
