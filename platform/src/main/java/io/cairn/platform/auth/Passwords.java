package io.cairn.platform.auth;

import com.password4j.Password;
import java.security.SecureRandom;

/** Password hashing with Argon2id, and generation of random passwords. */
public final class Passwords {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private Passwords() {}

  public static String hash(String password) {
    if (password == null || password.length() < 8) {
      throw new IllegalArgumentException("a password needs at least 8 characters");
    }
    return Password.hash(password).addRandomSalt(16).withArgon2().getResult();
  }

  public static boolean matches(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    try {
      return Password.check(password, hash).withArgon2();
    } catch (RuntimeException badHash) {
      return false;
    }
  }

  public static String generate(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
