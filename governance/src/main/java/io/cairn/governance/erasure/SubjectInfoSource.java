package io.cairn.governance.erasure;

import java.util.Map;
import java.util.Set;

/**
 * Something that knows about a person beyond the datasets (consent records, a unified profile) and adds it to
 * access bundles under its own name. Implementations are thread-safe and never throw for an unknown person
 * (they return an empty map).
 */
public interface SubjectInfoSource {
  /** The key of this source's section in the bundle, e.g. {@code consent} or {@code profile}. */
  String name();

  /** What this source holds about the person with these identifiers, as JSON-friendly values. */
  Map<String, Object> describe(Set<Identifier> identifiers);
}
