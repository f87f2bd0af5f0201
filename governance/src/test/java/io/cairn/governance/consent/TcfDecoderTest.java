package io.cairn.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TC strings decoded with the IAB's decoder, and mapped to Cairn purposes. */
class TcfDecoderTest {
  /** The known vector: CMP 675, purpose consents {2, 10}, legitimate interests {2, 9}. */
  static final String VECTOR = "COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA";

  @Test
  void theKnownVectorDecodes() {
    TcfConsent tc = TcfDecoder.decode(VECTOR);
    assertThat(tc.cmpId()).isEqualTo(675);
    assertThat(tc.purposeConsents()).containsExactly(2, 10);
    assertThat(tc.legitimateInterests()).containsExactly(2, 9);
    assertThat(tc.created()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not a tc string!", "COtybn4PA", "%%%", "BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA"})
  void malformedStringsAreRefusedWithAClearMessage(String s) {
    assertThatThrownBy(() -> TcfDecoder.decode(s)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed TC string");
  }

  @Test
  void purposesAreGrantedOnlyWhenEveryMappedTcfPurposeHasABasis() {
    TcfMapping mapping = new TcfMapping(Map.of("ads", Set.of(2), "stats", Set.of(2, 9), "content", Set.of(2, 5),
        "develop", Set.of(10)));
    Map<String, TcfMapping.Derived> d = mapping.apply(TcfDecoder.decode(VECTOR));
    assertThat(d.get("ads")).isEqualTo(new TcfMapping.Derived(ConsentStatus.GRANTED, LawfulBasis.CONSENT));
    assertThat(d.get("develop")).isEqualTo(new TcfMapping.Derived(ConsentStatus.GRANTED, LawfulBasis.CONSENT));
    assertThat(d.get("stats"))
        .isEqualTo(new TcfMapping.Derived(ConsentStatus.GRANTED, LawfulBasis.LEGITIMATE_INTEREST));
    assertThat(d.get("content")).isEqualTo(new TcfMapping.Derived(ConsentStatus.DENIED, LawfulBasis.CONSENT));
    assertThat(TcfMapping.DEFAULT.apply(TcfDecoder.decode(VECTOR)).get("analytics").status())
        .as("7, 8 and 9 are needed; the vector has only 9 on legitimate interest").isEqualTo(ConsentStatus.DENIED);
  }

  @Test
  void aMappingToImpossibleTcfPurposesIsRefused() {
    assertThatThrownBy(() -> new TcfMapping(Map.of("ads", Set.of(0)))).hasMessageContaining("TCF purposes 1 to 24");
  }
}
