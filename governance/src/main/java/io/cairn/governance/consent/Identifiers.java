package io.cairn.governance.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How identifier values are compared: trimmed, and lower-cased when they hold an {@code @} (e-mail addresses).
 * {@link #key(String)} hashes a raw value as if normalised, without allocating, for the per-row gate.
 */
public final class Identifiers {
  /** An odd 64-bit multiplier (the golden ratio's): the polynomial hash's base. */
  private static final long MULTIPLIER = 0x9e3779b97f4a7c15L;

  private Identifiers() {}

  /** The normalised value: trimmed; an e-mail address (holding '@') lower-cased character by character. */
  public static String normalise(String raw) {
    String t = raw.trim();
    if (t.indexOf('@') < 0) {
      return t;
    }
    char[] cs = t.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      cs[i] = Character.toLowerCase(cs[i]);
    }
    return new String(cs);
  }

  /** The hex SHA-256 of the normalised value: how identifiers are stored, looked up and exported. */
  public static String hash(String raw) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(normalise(raw).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /**
   * A 64-bit hash of the normalised value (a polynomial over the characters, then a murmur finaliser), never 0;
   * equal for a raw value and its normalised form. The in-memory index's key. One pass over the characters unless
   * the value is an e-mail address with upper-case letters.
   */
  public static long key(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && raw.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && raw.charAt(end - 1) <= ' ') {
      end--;
    }
    long h = 0;
    boolean at = false;
    boolean upper = false;
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      at |= c == '@';
      upper |= c >= 'A' && c <= 'Z' || c > 0x7f;
      h = h * MULTIPLIER + c;
    }
    if (at && upper) {
      h = 0;
      for (int i = start; i < end; i++) {
        h = h * MULTIPLIER + Character.toLowerCase(raw.charAt(i));
      }
    }
    h ^= (end - start);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
