package io.cairn.governance.consent;

import io.cairn.spi.Purpose;

/**
 * Whether a subject may be processed for a purpose, now. The runtime asks it before every purpose-bound step
 * and every sink; activation exports and model training ask it too. Implementations answer from memory (no
 * I/O per call) and are thread-safe; a withdrawal must be visible to new calls within seconds.
 */
public interface ConsentGate {
  /** The answer for one subject and purpose; everything but {@link #ALLOW} is a reason to drop the row. */
  enum Verdict {
    ALLOW,
    /** The subject is known but has no valid basis (never asked, or expired) for the purpose. */
    NO_BASIS,
    /** The subject withdrew consent or objected for the purpose. */
    WITHDRAWN,
    /** No subject has this identifier and the purpose's default for unknown subjects is deny. */
    UNKNOWN_SUBJECT,
    /** The subject is on the suppression list for the purpose. */
    SUPPRESSED,
    /** The subject was erased; nothing about them may flow again. */
    ERASED
  }

  /**
   * @param identifier any identifier of the subject (the row's subject id: a customer id, email, device id...)
   * @param purpose the purpose the processing serves
   */
  Verdict check(String identifier, Purpose purpose);

  default boolean permits(String identifier, Purpose purpose) {
    return check(identifier, purpose) == Verdict.ALLOW;
  }

  /** A gate that allows everything: for tests and for a platform with consent switched off. */
  ConsentGate ALLOW_ALL = (identifier, purpose) -> Verdict.ALLOW;
}
