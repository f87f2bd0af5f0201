package io.cairn.governance.erasure;

import io.cairn.governance.keys.ManagedKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * Keyed hashes of subject identifiers: HMAC-SHA-256 of the normalised value under the erasure key. Tombstones
 * and stored requests keep only these, so the catalog never holds the identifier of a person it erased.
 * Thread-safe (one {@link Mac} per thread).
 */
public final class SubjectHasher {
  static final String USE = "erasure-tombstone";
  private final ThreadLocal<Mac> macs;

  public SubjectHasher(ManagedKey key) {
    this.macs = ThreadLocal.withInitial(() -> key.mac(USE));
  }

  /** 64 hex digits. */
  public String hash(String rawIdentifier) {
    byte[] digest = macs.get().doFinal(Identifier.normalise(rawIdentifier).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }
}
