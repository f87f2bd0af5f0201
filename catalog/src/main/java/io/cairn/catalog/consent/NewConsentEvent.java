package io.cairn.catalog.consent;

import java.time.OffsetDateTime;

/** A consent event to append; the repository decides whether it is effective. */
public record NewConsentEvent(long subjectId, String purpose, String status, String lawfulBasis, String source,
    String noticeVersion, OffsetDateTime occurredAt, String recordedBy, String details) {}
