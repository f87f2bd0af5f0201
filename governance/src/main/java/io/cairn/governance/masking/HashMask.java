package io.cairn.governance.masking;

import io.cairn.governance.keys.ManagedKey;
import io.cairn.spi.data.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Hashes values to lower-case hex: keyed (HMAC-SHA-256 with the managed masking key, deterministic so joins
 * still work, not reversible without the key) or plain SHA-256 of the normalised value (for customer-matching
 * uploads). Values that cannot be normalised (not an email, not a phone number) become null.
 */
final class HashMask implements MaskFunction {
  /** How values are normalised before hashing. */
  enum Normaliser {
    NONE,
    EMAIL,
    PHONE
  }

  private final String spec;
  private final ManagedKey key;
  private final ThreadLocal<javax.crypto.Mac> macs;
  private final Function<String, Optional<String>> normaliser;

  /**
   * @param key the masking key for HMAC; null for plain SHA-256
   * @param region the default phone region for {@link Normaliser#PHONE}
   */
  HashMask(String spec, ManagedKey key, Normaliser normaliser, String region) {
    this.spec = spec;
    this.key = key;
    this.macs = key == null ? null : ThreadLocal.withInitial(() -> key.mac("hash"));
    this.normaliser = switch (normaliser) {
      case NONE -> v -> Optional.of(v.strip());
      case EMAIL -> Normalise::email;
      case PHONE -> v -> Normalise.phone(v, region);
    };
  }

  @Override
  public Object apply(Object value, String subjectId) {
    if (value == null) {
      return null;
    }
    return normaliser.apply(value.toString()).map(this::hash).orElse(null);
  }

  private String hash(String normalised) {
    if (key == null) {
      return Digests.sha256Hex(normalised);
    }
    return HexFormat.of().formatHex(macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public ColumnType outputType(ColumnType input) {
    BasicMasks.requireType(spec, input, Set.of(ColumnType.STRING, ColumnType.LONG, ColumnType.DECIMAL), null);
    return ColumnType.STRING;
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public boolean pseudonymises() {
    return true;
  }
}
