package io.cairn.governance.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which TCF purposes a Cairn purpose needs. A Cairn purpose is granted when every TCF purpose it maps to has
 * consent (basis consent), or has consent or legitimate interest with at least one on legitimate interest (basis
 * legitimate interest); otherwise it is denied. Cairn purposes without a mapping are not touched by TC strings.
 *
 * @param tcfPurposes Cairn purpose name to the TCF purpose numbers (1-11) it needs
 */
public record TcfMapping(Map<String, Set<Integer>> tcfPurposes) {
  /**
   * The default: analytics needs 7, 8, 9 (measure ads and content, audience statistics); personalisation 5, 6
   * (content profiles); profiling 3, 5 (advertising and content profiles); advertising 2, 3, 4 (basic and
   * personalised ads). TCF purpose 1 (storage on the device) governs the device, not processing, and is kept
   * only in the record.
   */
  public static final TcfMapping DEFAULT = new TcfMapping(Map.of(
      "analytics", Set.of(7, 8, 9),
      "personalisation", Set.of(5, 6),
      "profiling", Set.of(3, 5),
      "advertising", Set.of(2, 3, 4)));

  public TcfMapping {
    tcfPurposes.forEach((p, ns) -> {
      if (ns.isEmpty() || ns.stream().anyMatch(n -> n < 1 || n > 24)) {
        throw new IllegalArgumentException("the TCF mapping of '" + p + "' must list TCF purposes 1 to 24");
      }
    });
    tcfPurposes = Map.copyOf(tcfPurposes);
  }

  /** A derived statement for one Cairn purpose. */
  public record Derived(ConsentStatus status, LawfulBasis basis) {}

  /** The statements a decoded TC string makes about the mapped Cairn purposes, by purpose name. */
  public Map<String, Derived> apply(TcfConsent tc) {
    Set<Integer> consents = Set.copyOf(tc.purposeConsents());
    Set<Integer> interests = Set.copyOf(tc.legitimateInterests());
    Map<String, Derived> out = new LinkedHashMap<>();
    tcfPurposes.keySet().stream().sorted().forEach(p -> {
      List<Integer> needed = List.copyOf(tcfPurposes.get(p));
      if (consents.containsAll(needed)) {
        out.put(p, new Derived(ConsentStatus.GRANTED, LawfulBasis.CONSENT));
      } else if (needed.stream().allMatch(n -> consents.contains(n) || interests.contains(n))) {
        out.put(p, new Derived(ConsentStatus.GRANTED, LawfulBasis.LEGITIMATE_INTEREST));
      } else {
        out.put(p, new Derived(ConsentStatus.DENIED, LawfulBasis.CONSENT));
      }
    });
    return out;
  }
}
