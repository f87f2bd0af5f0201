package io.cairn.governance.audit;

import io.cairn.catalog.policy.AuditEntry;
import io.cairn.governance.masking.Digests;
import java.time.Instant;

/**
 * The hash of an entry: SHA-256 over an unambiguous encoding of its fields (each field as its length, a colon
 * and its text; null as {@code -}) and the previous entry's hash. The time is encoded as microseconds since
 * the epoch, so the hash does not depend on how a database renders time zones.
 */
public final class AuditHashing {
  /** The {@code prevHash} of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditHashing() {}

  public static String hash(AuditEntry e) {
    StringBuilder sb = new StringBuilder(256);
    field(sb, Long.toString(e.seq()));
    Instant at = e.at().toInstant();
    field(sb, Long.toString(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000)));
    field(sb, e.actor());
    field(sb, e.action());
    field(sb, e.target());
    field(sb, e.outcome());
    field(sb, e.details());
    field(sb, e.prevHash());
    return Digests.sha256Hex(sb.toString());
  }

  private static void field(StringBuilder sb, String value) {
    if (value == null) {
      sb.append("-|");
    } else {
      sb.append(value.length()).append(':').append(value).append('|');
    }
  }
}
