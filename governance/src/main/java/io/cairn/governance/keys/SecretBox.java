package io.cairn.governance.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (connector passwords, API keys) with AES-256-GCM under a key derived from a
 * {@link ManagedKey}: each value gets a fresh 96-bit nonce, and the sealed form {@code enc:v1:<base64>} carries
 * the nonce, the ciphertext and its 128-bit tag, so a changed byte or another key is detected on opening. Error
 * messages never contain values. Thread-safe.
 */
public final class SecretBox {
  /** The prefix of sealed values. */
  public static final String PREFIX = "enc:v1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(ManagedKey key) {
    this.key = new SecretKeySpec(key.derive("secrets-at-rest-aes-gcm"), "AES");
  }

  /** Whether the value is sealed (by some {@code SecretBox}). */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** The value sealed; a sealed value is returned as is. */
  public String seal(String plain) {
    if (plain == null || isSealed(plain)) {
      return plain;
    }
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
          ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The plain value of a sealed one; any other value is returned as is.
   *
   * @throws IllegalArgumentException when the value was changed or sealed under another key
   */
  public String open(String value) {
    if (!isSealed(value)) {
      return value;
    }
    try {
      byte[] all = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
      if (all.length < NONCE + TAG_BITS / 8) {
        throw new IllegalArgumentException("a sealed secret is too short: it was cut or changed");
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
      return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException("a sealed secret cannot be opened: it was changed, or sealed under "
          + "another secrets key (set policy.secretsKey or CAIRN_SECRETS_KEY to the key it was sealed with)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  @Override
  public String toString() {
    return "SecretBox[AES-256-GCM]";
  }
}
