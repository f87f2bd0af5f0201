package io.cairn.governance.consent;

import java.time.Instant;
import java.util.List;

/**
 * A decoded TCF v2 TC string: the CMP, the policy version, and the purpose and vendor signals.
 *
 * @param purposeConsents TCF purposes (1-11) with consent
 * @param legitimateInterests TCF purposes established on legitimate interest (the user did not object)
 */
public record TcfConsent(int cmpId, int cmpVersion, int policyVersion, Instant created, List<Integer> purposeConsents,
    List<Integer> legitimateInterests, List<Integer> vendorConsents, List<Integer> vendorLegitimateInterests) {
  public TcfConsent {
    purposeConsents = List.copyOf(purposeConsents);
    legitimateInterests = List.copyOf(legitimateInterests);
    vendorConsents = List.copyOf(vendorConsents);
    vendorLegitimateInterests = List.copyOf(vendorLegitimateInterests);
  }
}
