package io.cairn.catalog.erasure;

import java.time.OffsetDateTime;

/**
 * A data subject request as the catalog keeps it.
 *
 * @param id the request id (a UUID)
 * @param type {@code erasure} or {@code access}
 * @param status {@code PENDING}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param requestedBy the user who asked
 * @param reason why (free text, never an identifier)
 * @param identifiers JSON of the identifiers, each as type, keyed hash and masked hint (never raw values)
 * @param auditSeq the audit entry holding the proof, once done
 * @param error why it failed, or null
 */
public record DsarRequestEntry(String id, String type, String status, String requestedBy, String reason,
    String identifiers, OffsetDateTime createdAt, OffsetDateTime finishedAt, Long auditSeq, String error) {}
