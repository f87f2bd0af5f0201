package io.cairn.governance.audit;

import io.cairn.catalog.policy.AuditCheckpoint;
import io.cairn.catalog.policy.AuditEntry;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an evidence export holds: the period, who asked, the chain's verification and the entries.
 *
 * @param from start of the period, or null for the beginning
 * @param to end of the period (exclusive), or null for now
 */
public record Evidence(OffsetDateTime from, OffsetDateTime to, OffsetDateTime generatedAt, String generatedBy,
    Verification verification, List<AuditCheckpoint> checkpoints, List<AuditEntry> entries) {
  public Evidence {
    checkpoints = List.copyOf(checkpoints);
    entries = List.copyOf(entries);
  }
}
