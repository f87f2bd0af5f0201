package io.cairn.governance.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact whether every entry links to its predecessor, hashes to its stored hash, the head matches the
 *     last entry and every checkpoint's signature and hash hold
 * @param entriesChecked how many entries were read
 * @param headSeq the position of the last entry according to the head
 * @param checkpointsVerified how many signed checkpoints held
 * @param firstBrokenSeq the first entry found missing or changed; null when intact
 * @param problem what is wrong there, for people; null when intact
 */
public record Verification(boolean intact, long entriesChecked, long headSeq, int checkpointsVerified,
    Long firstBrokenSeq, String problem) {

  static Verification broken(long checked, long head, int checkpoints, long seq, String problem) {
    return new Verification(false, checked, head, checkpoints, seq, problem);
  }
}
