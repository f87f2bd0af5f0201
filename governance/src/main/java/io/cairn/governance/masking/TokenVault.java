package io.cairn.governance.masking;

import java.util.Optional;

/**
 * Keeps the value behind each token, so tokenisation can be reversed where a policy allows it. The same value
 * in the same domain always gets the same token (joins still work). Implementations are thread-safe and keep
 * values encrypted at rest.
 */
public interface TokenVault {
  /**
   * The token for a value, created on first use.
   *
   * @param domain what kind of value this is (e.g. {@code email}); tokens of different domains never collide
   */
  String tokenise(String domain, String value);

  /** The value behind a token, or empty when the vault has no such token in that domain. */
  Optional<String> detokenise(String domain, String token);
}
