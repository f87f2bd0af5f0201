package io.cairn.catalog;

import java.time.OffsetDateTime;

/**
 * A record that a flow could not process, with the reason, kept for a steward.
 *
 * @param subjectId the person the record is about when whoever quarantined it knew (a step or sink holding the
 *     row), else null (a source record that could not even be read)
 */
public record QuarantineEntry(
    long id, String runId, FlowId flowId, String datasetNamespace, String datasetName, String sourceOffset,
    String reason, String payload, OffsetDateTime createdAt, String subjectId) {}
