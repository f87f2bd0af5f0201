package io.cairn.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API tokens: {@code cairn_} + 32 random bytes; only the SHA-256 hash is stored. */
public final class ApiTokens {
  public static final String PREFIX = "cairn_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first characters of a token, safe to show to identify it. */
  public static String displayPrefix(String token) {
    return token.substring(0, Math.min(token.length(), PREFIX.length() + 6));
  }
}
