package io.cairn.governance.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One consent statement to record.
 *
 * @param identifiers the subject's identifiers (at least one)
 * @param at when it was given or withdrawn; null: now
 * @param noticeVersion the privacy notice or CMP version shown, or null
 */
public record ConsentRecord(List<SubjectIdentifier> identifiers, String purpose, ConsentStatus status,
    LawfulBasis lawfulBasis, ConsentSource source, String noticeVersion, Instant at) {
  public ConsentRecord {
    identifiers = List.copyOf(Objects.requireNonNull(identifiers, "identifiers"));
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lawfulBasis, "lawfulBasis");
    Objects.requireNonNull(source, "source");
  }
}
