package io.cairn.catalog;

import java.time.OffsetDateTime;

/**
 * A quarantined record as a steward reviews it: where it came from, why it was stopped, its payload (as
 * quarantined, or as a steward fixed it) and where it is in review.
 *
 * @param status {@code QUARANTINED}, {@code REPLAYING} or {@code REPLAYED}
 * @param replayRunId the run that replays (or replayed) it, or null
 * @param editedBy who last fixed the payload, or null
 * @param subjectId the person the record is about, when known (see {@link QuarantineEntry#subjectId})
 */
public record QuarantinedRecord(
    long id, String runId, FlowId flowId, String datasetNamespace, String datasetName, String sourceOffset,
    String reason, String payload, String status, String replayRunId, String editedBy, OffsetDateTime editedAt,
    OffsetDateTime createdAt, String subjectId) {
  public static final String QUARANTINED = "QUARANTINED";
  public static final String REPLAYING = "REPLAYING";
  public static final String REPLAYED = "REPLAYED";
}
