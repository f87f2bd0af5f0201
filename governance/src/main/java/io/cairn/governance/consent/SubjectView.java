package io.cairn.governance.consent;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything recorded about one subject's consent.
 *
 * @param purposes the current state per purpose (the latest effective event of each)
 * @param history every event, oldest first
 * @param suppressions the subject's entries on the suppression list
 */
public record SubjectView(long subjectId, List<SubjectIdentifier> identifiers, List<PurposeState> purposes,
    List<Event> history, List<Suppression> suppressions) {

  /** @param valid whether processing for the purpose is allowed now */
  public record PurposeState(String purpose, String status, String lawfulBasis, String source, String noticeVersion,
      OffsetDateTime since, boolean valid) {}

  public record Event(OffsetDateTime at, String purpose, String status, String lawfulBasis, String source,
      String noticeVersion, String recordedBy) {}

  /** @param purpose null: every purpose */
  public record Suppression(String purpose, String reason, OffsetDateTime since) {}
}
