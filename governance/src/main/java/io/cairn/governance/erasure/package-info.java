/**
 * Erasure and access requests (DSAR). {@link io.cairn.governance.erasure.ErasureService} resolves a person's
 * identifiers ({@link io.cairn.governance.erasure.IdentifierResolver}), finds the datasets that hold their rows
 * (datasets whose subject column is known), follows lineage downstream to every derived dataset, and applies
 * each dataset's policy (delete, anonymise, retain); the proof goes to the audit chain. Erased people get a
 * tombstone (a keyed hash, never the identifier), and {@link io.cairn.governance.erasure.ErasureHook} drops
 * their rows at every source, so a re-run of an old flow cannot bring them back.
 */
package io.cairn.governance.erasure;
