package io.cairn.catalog.policy;

import java.time.OffsetDateTime;

/**
 * One entry of the audit chain.
 *
 * @param seq its position, from 1, without gaps
 * @param at when it was appended (UTC, microseconds)
 * @param actor the user or flow principal that acted, or {@code system}
 * @param action what was done, e.g. {@code plugins.install}, {@code policy.deny}, {@code mask}
 * @param target what it was done to, e.g. a flow id, a dataset, a user name
 * @param outcome {@code ok}, {@code denied}, {@code failed}, {@code masked}, ...
 * @param details free text or JSON, never secrets
 * @param prevHash the hash of the previous entry (64 zeros for the first)
 * @param hash the SHA-256 of this entry's fields and {@code prevHash}
 */
public record AuditEntry(long seq, OffsetDateTime at, String actor, String action, String target, String outcome,
    String details, String prevHash, String hash) {

  /** This entry with its hash set. */
  public AuditEntry withHash(String newHash) {
    return new AuditEntry(seq, at, actor, action, target, outcome, details, prevHash, newHash);
  }
}
