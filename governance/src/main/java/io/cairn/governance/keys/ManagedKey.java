package io.cairn.governance.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit secret with a purpose (e.g. {@code masking}, {@code audit}). Derives sub-keys per use with
 * HMAC-SHA-256, so one configured secret serves hashing, encryption and date shifting without reuse.
 * {@link #toString()} never shows the secret. Immutable and thread-safe.
 */
public final class ManagedKey {
  private static final int BYTES = 32;
  private final String purpose;
  private final byte[] secret;

  private ManagedKey(String purpose, byte[] secret) {
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    if (secret.length < 16) {
      throw new IllegalArgumentException("the " + purpose + " key must have at least 16 bytes (128 bits), it has "
          + secret.length);
    }
    this.secret = secret.clone();
  }

  /** A key from raw bytes (tests and callers that hold the secret themselves). */
  public static ManagedKey of(String purpose, byte[] secret) {
    return new ManagedKey(purpose, secret);
  }

  /**
   * The configured key when {@code configured} is not blank (base64, at least 16 bytes), else the key kept in
   * {@code <dir>/<purpose>.key}, generated with a {@link SecureRandom} the first time and readable by its
   * owner only.
   *
   * @throws IllegalArgumentException when the configured value is not base64 or too short (the message
   *     never contains the value)
   */
  public static ManagedKey load(String purpose, String configured, Path dir) {
    if (configured != null && !configured.isBlank()) {
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(configured.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the configured " + purpose + " key is not valid base64");
      }
      return new ManagedKey(purpose, raw);
    }
    return new ManagedKey(purpose, fromFile(dir.resolve(purpose + ".key")));
  }

  private static byte[] fromFile(Path file) {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        byte[] fresh = new byte[BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: read theirs
        } catch (UnsupportedOperationException noPosix) {
          Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        }
      }
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key file " + file, e);
    }
  }

  public String purpose() {
    return purpose;
  }

  /** A 256-bit key for one use, derived as HMAC-SHA-256(secret, use); never the secret itself. */
  public byte[] derive(String use) {
    return hmac(secret, use.getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA-256 of the message under the key derived for {@code use}. */
  public byte[] hmac(String use, byte[] message) {
    return hmac(derive(use), message);
  }

  /**
   * A new HMAC-SHA-256 {@link Mac} keyed with the key derived for {@code use}, for callers that hash many values
   * (a Mac is not thread-safe: keep one per thread).
   */
  public Mac mac(String use) {
    return newMac(derive(use));
  }

  static byte[] hmac(byte[] key, byte[] message) {
    return newMac(key).doFinal(message);
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  /** A short public fingerprint (first 8 hex digits of SHA-256 of a derived key) to tell keys apart. */
  public String fingerprint() {
    return java.util.HexFormat.of().formatHex(Arrays.copyOf(derive("fingerprint"), 4));
  }

  @Override
  public String toString() {
    return "ManagedKey[" + purpose + ", " + fingerprint() + "]";
  }
}
