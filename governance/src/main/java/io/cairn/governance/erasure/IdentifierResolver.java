package io.cairn.governance.erasure;

import java.util.List;
import java.util.Set;

/**
 * Finds every identifier of the person a request names: one identifier in, all identifiers of the same
 * person out (at least the ones given). Implementations compose: the identity graph, consent subjects and
 * the datasets themselves may each add what they know. Implementations are thread-safe.
 */
public interface IdentifierResolver {
  /**
   * @param given the identifiers in the request (at least one)
   * @return the given identifiers and every other identifier of the same person that this resolver knows
   */
  Set<Identifier> resolve(List<Identifier> given);

  /** A resolver that adds nothing. */
  static IdentifierResolver identity() {
    return given -> new java.util.LinkedHashSet<>(given);
  }

  /** Runs resolvers one after the other, each seeing what the previous ones found. */
  static IdentifierResolver compose(List<IdentifierResolver> resolvers) {
    return given -> {
      Set<Identifier> all = new java.util.LinkedHashSet<>(given);
      for (IdentifierResolver r : resolvers) {
        all.addAll(r.resolve(List.copyOf(all)));
      }
      return all;
    };
  }
}
