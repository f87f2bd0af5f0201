package io.cairn.catalog.consent;

import java.time.OffsetDateTime;

/**
 * A subject on the suppression list.
 *
 * @param purpose the purpose, or null for every purpose
 * @param reason why, e.g. {@code withdrawn}, {@code gpc}, {@code erased}
 */
public record SuppressionEntry(long id, long subjectId, String purpose, String reason, String createdBy,
    OffsetDateTime createdAt) {}
