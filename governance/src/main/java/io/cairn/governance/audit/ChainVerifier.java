package io.cairn.governance.audit;

import io.cairn.catalog.policy.AuditCheckpoint;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.catalog.policy.AuditRepository;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Walks the audit chain in pages and finds the first entry that is missing (a gap or a cut end), does not
 * link to its predecessor, or no longer hashes to its stored hash; then checks every signed checkpoint, which
 * catches a chain rewritten consistently from some entry on.
 */
final class ChainVerifier {
  private static final int PAGE = 1000;
  private final AuditRepository repository;
  private final BiFunction<Long, String, String> signer;

  ChainVerifier(AuditRepository repository, BiFunction<Long, String, String> signer) {
    this.repository = repository;
    this.signer = signer;
  }

  Verification verify() {
    AuditRepository.Head head = repository.head();
    String prev = AuditHashing.GENESIS;
    long expected = 1;
    long checked = 0;
    List<AuditEntry> page = repository.after(0, PAGE);
    while (!page.isEmpty()) {
      for (AuditEntry e : page) {
        checked++;
        if (e.seq() != expected) {
          return Verification.broken(checked, head.seq(), 0, expected, "entry " + expected
              + " is missing: the chain goes from entry " + (expected - 1) + " to entry " + e.seq());
        }
        if (!e.prevHash().equals(prev)) {
          return Verification.broken(checked, head.seq(), 0, e.seq(), "entry " + e.seq()
              + " does not link to entry " + (e.seq() - 1) + " (its previous hash differs)");
        }
        if (!same(AuditHashing.hash(e), e.hash())) {
          return Verification.broken(checked, head.seq(), 0, e.seq(), "entry " + e.seq()
              + " was changed after it was written (its content no longer matches its hash)");
        }
        prev = e.hash();
        expected++;
      }
      page = repository.after(expected - 1, PAGE);
    }
    long last = expected - 1;
    if (head.seq() != last || !head.hash().equals(prev)) {
      long at = Math.min(head.seq(), last) + 1;
      return Verification.broken(checked, head.seq(), 0, head.seq() > last ? at : last, head.seq() > last
          ? "entries " + at + " to " + head.seq() + " are missing: the chain ends at entry " + last
          : "the chain head (entry " + head.seq() + ") does not match the last entry " + last);
    }
    return checkpoints(checked, head.seq());
  }

  private Verification checkpoints(long checked, long headSeq) {
    int ok = 0;
    long goodUpTo = 0;
    for (AuditCheckpoint c : repository.checkpoints()) {
      if (!same(signer.apply(c.seq(), c.hash()), c.signature())) {
        return Verification.broken(checked, headSeq, ok, c.seq(),
            "the checkpoint at entry " + c.seq() + " has a bad signature (forged, or signed with another key)");
      }
      String actual = repository.at(c.seq()).map(AuditEntry::hash).orElse(null);
      if (actual == null || !actual.equals(c.hash())) {
        return Verification.broken(checked, headSeq, ok, goodUpTo + 1, "the chain was rewritten between entries "
            + (goodUpTo + 1) + " and " + c.seq() + ": entry " + c.seq() + " no longer has the signed hash");
      }
      goodUpTo = c.seq();
      ok++;
    }
    return new Verification(true, checked, headSeq, ok, null, null);
  }

  private static boolean same(String a, String b) {
    return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
