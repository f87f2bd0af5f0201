package io.cairn.platform.collector;

import io.cairn.catalog.collector.WriteKeyEntry;
import io.cairn.catalog.collector.WriteKeyRepository;
import io.cairn.platform.auth.ApiTokens;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write keys: created with a random secret that is returned once, stored as its SHA-256, resolved on every
 * collector request from memory (a key seen before costs one map look-up, not a hash; a miss asks the catalog once,
 * so keys created on another node work too). Thread-safe.
 */
public final class WriteKeys {
  static final String PREFIX = "wk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WriteKeyRepository repository;
  /** Keys already resolved, by the key itself, so a request costs no hash (memory only, never stored). */
  private final Map<String, WriteKeyEntry> byKey = new ConcurrentHashMap<>();

  public WriteKeys(WriteKeyRepository repository) {
    this.repository = repository;
  }

  /** A new key and the secret to hand to its owner (shown this once). */
  public record Created(WriteKeyEntry entry, String key) {}

  /** Creates a key; {@link IllegalArgumentException} when the name is empty, too long or taken. */
  public Created create(String name, String createdBy) {
    if (name == null || name.isBlank() || name.length() > 128) {
      throw new IllegalArgumentException("a write key needs a name of 1 to 128 characters");
    }
    if (repository.nameTaken(name)) {
      throw new IllegalStateException("a write key named '" + name + "' already exists");
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    WriteKeyEntry entry = repository.create(name, key.substring(0, PREFIX.length() + 6), ApiTokens.hash(key),
        createdBy);
    return new Created(entry, key);
  }

  public List<WriteKeyEntry> list() {
    return repository.list();
  }

  /** Revokes a key; its events are refused from now on. False when unknown or revoked already. */
  public boolean revoke(long id) {
    boolean revoked = repository.revoke(id);
    byKey.values().removeIf(e -> e.id() == id);
    return revoked;
  }

  /** The active key with this secret, if any. */
  public Optional<WriteKeyEntry> resolve(String key) {
    if (key == null || key.isEmpty() || key.length() > 256) {
      return Optional.empty();
    }
    WriteKeyEntry resolved = byKey.get(key);
    if (resolved != null) {
      return Optional.of(resolved);
    }
    Optional<WriteKeyEntry> found = repository.findByHash(ApiTokens.hash(key)).filter(WriteKeyEntry::active);
    found.ifPresent(e -> byKey.put(key, e));
    return found;
  }
}
