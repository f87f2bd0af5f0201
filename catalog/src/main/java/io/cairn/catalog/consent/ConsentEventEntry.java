package io.cairn.catalog.consent;

import java.time.OffsetDateTime;

/**
 * One consent event of the append-only history.
 *
 * @param effective whether it was the latest for its subject and purpose when recorded
 * @param details extra data as JSON (e.g. a TC string's vendor consents), or null
 */
public record ConsentEventEntry(long id, long subjectId, String purpose, String status, String lawfulBasis,
    String source, String noticeVersion, OffsetDateTime occurredAt, OffsetDateTime recordedAt, String recordedBy,
    boolean effective, String details) {}
