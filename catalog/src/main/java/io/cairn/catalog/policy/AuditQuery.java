package io.cairn.catalog.policy;

import java.time.OffsetDateTime;

/**
 * A filter over the audit chain; null fields do not filter.
 *
 * @param from entries at or after
 * @param to entries before
 * @param actor exactly this actor
 * @param action actions starting with this text (e.g. {@code plugins.})
 * @param target targets containing this text
 * @param outcome exactly this outcome
 */
public record AuditQuery(OffsetDateTime from, OffsetDateTime to, String actor, String action, String target,
    String outcome) {
  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
