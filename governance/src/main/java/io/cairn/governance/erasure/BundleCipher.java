package io.cairn.governance.erasure;

import io.cairn.governance.keys.ManagedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts access bundles at rest with AES-256-GCM under a key derived from the erasure key (a random 96-bit
 * nonce per bundle, stored in front of the ciphertext, base64). Thread-safe.
 */
public final class BundleCipher {
  private static final int NONCE = 12;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public BundleCipher(ManagedKey erasureKey) {
    this.key = new SecretKeySpec(erasureKey.derive("dsar-bundle"), "AES");
  }

  public String encrypt(String plain) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed)
          .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** @throws IllegalStateException when the text was not sealed with this key or was changed */
  public String decrypt(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
      return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the bundle cannot be decrypted with this key");
    }
  }
}
