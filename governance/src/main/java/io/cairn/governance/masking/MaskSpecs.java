package io.cairn.governance.masking;

import io.cairn.governance.keys.ManagedKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses mask specs into functions. The specs:
 * <ul>
 *   <li>{@code null}, {@code redact}, {@code partial:<first>:<last>} (e.g. {@code partial:0:4})</li>
 *   <li>{@code hmac}, {@code hmac:email}, {@code hmac:phone[:<region>]}: HMAC-SHA-256 with the masking key</li>
 *   <li>{@code sha256}, {@code sha256:email}, {@code sha256:phone[:<region>]}: SHA-256 of the normalised value</li>
 *   <li>{@code token:<domain>}: reversible through the token vault</li>
 *   <li>{@code age_band:<width>}, {@code postcode:<keep>}, {@code month}, {@code year},
 *       {@code date_shift:<days>}</li>
 * </ul>
 * Phone regions default to {@code US}. Thread-safe.
 */
public final class MaskSpecs {
  /** The spec names, for messages and documentation. */
  public static final List<String> NAMES = List.of("null", "redact", "partial", "hmac", "sha256", "token",
      "age_band", "postcode", "month", "year", "date_shift");

  private final ManagedKey key;
  private final TokenVault vault;
  private final Clock clock;

  /**
   * @param key the masking key (for hmac and date_shift); may be null where keyed masks are not offered
   * @param vault the token vault; may be null where tokenisation is not offered
   */
  public MaskSpecs(ManagedKey key, TokenVault vault, Clock clock) {
    this.key = key;
    this.vault = vault;
    this.clock = clock;
  }

  /**
   * The function for a spec.
   *
   * @throws IllegalArgumentException naming the problem and the specs there are
   */
  public MaskFunction parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty mask; use one of " + NAMES);
    }
    String[] p = spec.strip().split(":", -1);
    String name = p[0].toLowerCase(Locale.ROOT);
    return switch (name) {
      case "null" -> args(p, 0, new BasicMasks.Nullify());
      case "redact" -> args(p, 0, new BasicMasks.Redact());
      case "partial" -> new BasicMasks.Partial(count(p, 1, spec), count(p, 2, spec));
      case "hmac" -> hash(p, requireKey(spec));
      case "sha256" -> hash(p, null);
      case "token" -> new Tokenise(vault, p.length == 2 ? p[1] : null);
      case "age_band" -> new Generalise.AgeBand(count(p, 1, spec), clock);
      case "postcode" -> new Generalise.Postcode(count(p, 1, spec));
      case "month" -> args(p, 0, new Generalise.Truncate(false));
      case "year" -> args(p, 0, new Generalise.Truncate(true));
      case "date_shift" -> new DateShift(requireKey(spec), count(p, 1, spec));
      default -> throw new IllegalArgumentException("unknown mask '" + p[0] + "'; use one of " + NAMES);
    };
  }

  /**
   * Parses {@code column=spec} pairs separated by commas, e.g. {@code email=sha256:email, name=redact}.
   *
   * @return functions by column, in the order given
   */
  public Map<String, MaskFunction> parseColumns(String columns) {
    if (columns == null || columns.isBlank()) {
      throw new IllegalArgumentException("give masks as column=mask pairs, e.g. email=sha256:email,name=redact");
    }
    Map<String, MaskFunction> out = new LinkedHashMap<>();
    for (String pair : columns.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + pair.strip() + "' is not column=mask (e.g. email=sha256:email)");
      }
      String column = pair.substring(0, eq).strip();
      if (out.put(column, parse(pair.substring(eq + 1))) != null) {
        throw new IllegalArgumentException("column '" + column + "' is masked twice");
      }
    }
    return out;
  }

  private MaskFunction hash(String[] p, ManagedKey k) {
    String spec = String.join(":", p).toLowerCase(Locale.ROOT);
    if (p.length == 1) {
      return new HashMask(spec, k, HashMask.Normaliser.NONE, null);
    }
    return switch (p[1].toLowerCase(Locale.ROOT)) {
      case "email" -> args(p, 1, new HashMask(spec, k, HashMask.Normaliser.EMAIL, null));
      case "phone" -> {
        String region = p.length > 2 ? p[2].toUpperCase(Locale.ROOT) : "US";
        if (p.length > 3 || !Normalise.knownRegion(region)) {
          throw new IllegalArgumentException("'" + String.join(":", p) + "': give a phone region such as US, GB, FR");
        }
        yield new HashMask(p[0] + ":phone:" + region, k, HashMask.Normaliser.PHONE, region);
      }
      default -> throw new IllegalArgumentException("'" + String.join(":", p)
          + "': hash normalisers are email and phone");
    };
  }

  private ManagedKey requireKey(String spec) {
    if (key == null) {
      throw new IllegalArgumentException("mask '" + spec + "' needs the masking key, and none is configured here");
    }
    return key;
  }

  private static MaskFunction args(String[] p, int expected, MaskFunction f) {
    if (p.length != expected + 1) {
      throw new IllegalArgumentException("mask '" + String.join(":", p) + "' takes " + expected + " argument(s)");
    }
    return f;
  }

  private static int count(String[] p, int i, String spec) {
    try {
      return Integer.parseInt(p[i].strip());
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalArgumentException("mask '" + spec.strip() + "' needs a whole number as argument " + i);
    }
  }
}
