package io.cairn.governance.erasure;

import java.util.Locale;

/** What erasure does to a dataset's rows of a person. */
public enum ErasurePolicy {
  /** Delete the rows. */
  DELETE,
  /** Overwrite the columns a mask spec names. */
  ANONYMISE,
  /** Keep the rows (a legal hold, a system of record erased elsewhere): the proof says why. */
  RETAIN;

  /** The name stored in the catalog. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code delete}, {@code anonymise} or {@code retain}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static ErasurePolicy parse(String text) {
    if (text != null) {
      for (ErasurePolicy p : values()) {
        if (p.code().equalsIgnoreCase(text.strip()) || (p == ANONYMISE && "anonymize".equalsIgnoreCase(text.strip()))) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("policy must be delete, anonymise or retain, not '" + text + "'");
  }

  /**
   * Checks a policy's settings: anonymise needs a valid mask spec, retain a reason.
   *
   * @throws IllegalArgumentException saying what is missing
   */
  public void validate(String maskSpec, String reason) {
    if (this == ANONYMISE) {
      MaskSpec.parse(maskSpec);
    }
    if (this == RETAIN && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a retain policy needs a reason (e.g. a legal hold)");
    }
  }
}
