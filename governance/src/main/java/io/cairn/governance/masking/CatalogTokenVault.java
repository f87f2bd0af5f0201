package io.cairn.governance.masking;

import io.cairn.catalog.policy.TokenVaultRepository;
import io.cairn.governance.keys.ManagedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token vault in the catalog. Tokens are random ({@code tok_} and 32 hex digits); values are stored
 * encrypted with AES-256-GCM under a key derived from the masking key, the domain bound as associated data;
 * a value's existing token is found by its HMAC. Thread-safe; several nodes may issue at once.
 */
public final class CatalogTokenVault implements TokenVault {
  private static final int IV_BYTES = 12;
  private final TokenVaultRepository repository;
  private final ManagedKey key;
  private final SecretKeySpec aes;
  private final SecureRandom random = new SecureRandom();

  public CatalogTokenVault(TokenVaultRepository repository, ManagedKey key) {
    this.repository = repository;
    this.key = key;
    this.aes = new SecretKeySpec(key.derive("token-vault-aes"), "AES");
  }

  @Override
  public String tokenise(String domain, String value) {
    String mac = HexFormat.of().formatHex(key.hmac("token-vault-mac",
        (domain + "\u0000" + value).getBytes(StandardCharsets.UTF_8)));
    Optional<String> existing = repository.tokenFor(domain, mac);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] t = new byte[16];
    random.nextBytes(t);
    return repository.issue(domain, "tok_" + HexFormat.of().formatHex(t), mac, encrypt(domain, value));
  }

  @Override
  public Optional<String> detokenise(String domain, String token) {
    return repository.encryptedValue(domain, token).map(enc -> decrypt(domain, enc));
  }

  private String encrypt(String domain, String value) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
      c.updateAAD(domain.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  private String decrypt(String domain, String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, all, 0, IV_BYTES));
      c.updateAAD(domain.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a token vault entry of domain '" + domain
          + "' cannot be decrypted: it was changed, or the masking key is not the one it was written with");
    }
  }
}
