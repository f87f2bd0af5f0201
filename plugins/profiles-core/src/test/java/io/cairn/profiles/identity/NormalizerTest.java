package io.cairn.profiles.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizerTest {
  private final Normalizer us = new Normalizer("US");

  @Test
  void emailsAreTrimmedLowerCasedAndGmailDotsAndTagsIgnored() {
    assertThat(us.normalise(IdentifierType.EMAIL, "  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
    assertThat(us.normalise(IdentifierType.EMAIL, "J.a.n.e.Doe+shop@googlemail.com")).isEqualTo("janedoe@gmail.com");
    assertThat(us.normalise(IdentifierType.EMAIL, "janedoe@gmail.com")).isEqualTo("janedoe@gmail.com");
  }

  @Test
  void malformedEmailsAreNotIdentifiers() {
    assertThat(us.normalise(IdentifierType.EMAIL, "jane@@example.com")).isNull();
    assertThat(us.normalise(IdentifierType.EMAIL, "jane example.com")).isNull();
    assertThat(us.normalise(IdentifierType.EMAIL, "jane@example")).isNull();
    assertThat(us.normalise(IdentifierType.EMAIL, "+tag@gmail.com")).isNull();
    assertThat(us.normalise(IdentifierType.EMAIL, "  ")).isNull();
  }

  @Test
  void phonesInAnyFormatBecomeE164() {
    for (String raw : new String[] {"(415) 555-2671", "415-555-2671", "+1 415 555 2671", "415.555.2671"}) {
      assertThat(us.normalise(IdentifierType.PHONE, raw)).as(raw).isEqualTo("+14155552671");
    }
    assertThat(new Normalizer("de").normalise(IdentifierType.PHONE, "030 1234567")).isEqualTo("+49301234567");
  }

  @Test
  void phonesWithLettersOrTooFewDigitsAreNotIdentifiers() {
    assertThat(us.normalise(IdentifierType.PHONE, "415-5S5-2671")).isNull();
    assertThat(us.normalise(IdentifierType.PHONE, "12")).isNull();
  }

  @Test
  void deviceIdsIgnoreCaseAndUserIdsKeepIt() {
    assertThat(us.normalise(IdentifierType.DEVICE_ID, " ABC-def ")).isEqualTo("abc-def");
    assertThat(us.normalise(IdentifierType.USER_ID, " U-Abc ")).isEqualTo("U-Abc");
  }

  @Test
  void anUnknownRegionIsRefused() {
    assertThatThrownBy(() -> new Normalizer("XX"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown phone region 'XX'");
  }
}
