package io.cairn.catalog.policy;

import java.time.OffsetDateTime;

/**
 * A PII tag suggested for a column, and what a steward decided.
 *
 * @param status {@code SUGGESTED}, {@code ACCEPTED} or {@code REJECTED}
 */
public record SuggestionEntry(long id, String namespace, String dataset, String column, String tag,
    double confidence, String reason, String status, String decidedBy, OffsetDateTime decidedAt,
    OffsetDateTime updatedAt) {
  public static final String SUGGESTED = "SUGGESTED";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String REJECTED = "REJECTED";
}
