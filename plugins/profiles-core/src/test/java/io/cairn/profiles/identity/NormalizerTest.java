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
  void theFastPathsAgreeWithThePatternAndLibphonenumber() {
    java.util.regex.Pattern address = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
    for (String e : new String[] {"a@b.co", "a@b.c", "a@.co", "@b.co", "a@b.c0m", "a b@c.de", "a@b@c.de", "a@b.co.",
        "a@b..de", "a.b@c.d.ef", "a@b.de\t", "é@ü.de", "a@b.dé", "a@\u0131.de", "x@y.\u00e9\u00e9", "a@-.xy",
        "a@b.x y", "a\u2003b@c.de"}) {
      String lower = e.toLowerCase(java.util.Locale.ROOT);
      assertThat(Normalizer.isAddress(lower, lower.indexOf('@'))).as(e).isEqualTo(address.matcher(lower).matches());
    }
    java.util.Random r = new java.util.Random(5);
    String[] seps = {"", " ", "-", ".", "  ", "--", "/", "(", ")", ") ", " (", "+"};
    for (Normalizer n : new Normalizer[] {us, new Normalizer("CA"), new Normalizer("GB"), new Normalizer("DE")}) {
      for (int i = 0; i < 20_000; i++) {
        StringBuilder sb = new StringBuilder(r.nextInt(3) == 0 ? "" : r.nextBoolean() ? "+1" : "+");
        int groups = 1 + r.nextInt(5);
        for (int g = 0; g < groups; g++) {
          sb.append(seps[r.nextInt(seps.length)]);
          for (int d = r.nextInt(5); d >= 0; d--) {
            sb.append((char) ('0' + (g == 0 && d == 0 && r.nextBoolean() ? 2 + r.nextInt(8) : r.nextInt(10))));
          }
        }
        if (i % 2 == 0) { // shaped like a North American number: [+1|1] area exchange line, separated
          sb.setLength(0);
          sb.append(new String[] {"", "+1", "1", "+1 ", "+ 1", "+"}[r.nextInt(6)]);
          String area = Integer.toString(r.nextInt(1000) + 1000).substring(1);
          sb.append(r.nextInt(3) == 0 ? "(" + area + ")" : area).append(seps[r.nextInt(5)]);
          sb.append(Integer.toString(r.nextInt(1000) + 1000).substring(1)).append(seps[r.nextInt(5)]);
          sb.append(Integer.toString(r.nextInt(100_000) + 100_000).substring(1 + r.nextInt(3)));
        }
        String raw = sb.toString().strip();
        if (!raw.isEmpty()) {
          assertThat(n.phone(raw)).as(raw).isEqualTo(n.library(raw));
        }
      }
      for (String raw : new String[] {"+1 (415) 555-0123", "(415) 555-0123", "415 555 0123", "+1.415.555.0123",
          "+14155550123", "4155550123", "+1 415 0000123", "1 415 555 0123", "+1 015 555 0123", "+1 115 555 0123",
          "+(1) 415 555 0123", "+1 (415 555 0123", "+1 415) 555 0123", "+1 ((415)) 555 0123", "+1 415 555 01234",
          "+1 415 555 012", "415--555--0123", "+44 20 7946 0958", "(415)555-0123"}) {
        assertThat(n.phone(raw)).as(raw).isEqualTo(n.library(raw));
      }
    }
  }

  @Test
  void anUnknownRegionIsRefused() {
    assertThatThrownBy(() -> new Normalizer("XX"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown phone region 'XX'");
  }
}
