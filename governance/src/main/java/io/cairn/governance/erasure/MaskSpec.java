package io.cairn.governance.erasure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a dataset with the {@code anonymise} policy overwrites a person's rows: {@code column=null|redact|hash}
 * separated by commas. {@code null} sets NULL, {@code redact} sets {@code ***}, {@code hash} sets the person's
 * pseudonym (a keyed hash of their identifier: the same for every row of the person, so counts and joins still
 * work, but not reversible). Columns not named keep their values.
 */
record MaskSpec(Map<String, How> columns) {
  /** What to write into a column. */
  enum How {
    NULL,
    REDACT,
    HASH
  }

  MaskSpec {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /**
   * Parses a spec.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  static MaskSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("an anonymise policy needs a mask spec such as 'email=null,name=redact'");
    }
    Map<String, How> columns = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException("mask spec part '" + part.strip() + "' is not column=null|redact|hash");
      }
      How how;
      try {
        how = How.valueOf(kv[1].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("mask spec part '" + part.strip() + "': '" + kv[1].strip()
            + "' is not null, redact or hash");
      }
      if (columns.put(kv[0].strip(), how) != null) {
        throw new IllegalArgumentException("mask spec names column '" + kv[0].strip() + "' twice");
      }
    }
    return new MaskSpec(columns);
  }
}
