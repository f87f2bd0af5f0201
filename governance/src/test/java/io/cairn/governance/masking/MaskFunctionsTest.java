package io.cairn.governance.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.governance.keys.ManagedKey;
import io.cairn.spi.data.ColumnType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every mask function, with hash vectors computed independently (Python's hashlib and hmac). */
class MaskFunctionsTest {
  static final ManagedKey KEY = ManagedKey.of("masking", bytesZeroTo31());
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
  final MaskSpecs specs = new MaskSpecs(KEY, null, CLOCK);

  static byte[] bytesZeroTo31() {
    byte[] b = new byte[32];
    IntStream.range(0, 32).forEach(i -> b[i] = (byte) i);
    return b;
  }

  Object mask(String spec, Object value) {
    return specs.parse(spec).apply(value, "subject-1");
  }

  @Test
  void nullAndRedact() {
    assertThat(mask("null", "x")).isNull();
    assertThat(specs.parse("null").outputType(ColumnType.DATE)).isEqualTo(ColumnType.DATE);
    assertThat(mask("redact", "Jane Doe")).isEqualTo("[REDACTED]");
    assertThat(mask("redact", null)).isNull();
    assertThatThrownBy(() -> specs.parse("redact").outputType(ColumnType.LONG))
        .hasMessageContaining("does not apply to LONG").hasMessageContaining("use null");
  }

  @Test
  void partialShowsOnlyTheEdges() {
    assertThat(mask("partial:0:4", "4111111111111111")).isEqualTo("************1111");
    assertThat(mask("partial:2:2", "abcdefg")).isEqualTo("ab***fg");
    assertThat(mask("partial:0:4", "123")).as("too short: all hidden").isEqualTo("***");
    assertThat(mask("partial:1:0", "Zoë")).isEqualTo("Z**");
    assertThat(mask("partial:0:2", 123456L)).isEqualTo("****56");
    assertThatThrownBy(() -> specs.parse("partial:-1:2")).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> specs.parse("partial:4")).hasMessageContaining("whole number as argument 2");
  }

  @Test
  void emailsAndPhonesAreNormalisedBeforeHashing() {
    assertThat(Normalise.email("  John.Doe@Example.COM ")).contains("john.doe@example.com");
    assertThat(Normalise.email("not-an-email")).isEmpty();
    assertThat(Normalise.email("a@b@c")).isEmpty();
    assertThat(Normalise.phone("(415) 555-0123", "US")).contains("+14155550123");
    assertThat(Normalise.phone("020 7946 0958", "GB")).contains("+442079460958");
    assertThat(Normalise.phone("+44 20 7946 0958", "US")).as("explicit country wins").contains("+442079460958");
    assertThat(Normalise.phone("0044 20 7946 0958", "FR")).contains("+442079460958");
    assertThat(Normalise.phone("12", "US")).isEmpty();
    assertThat(Normalise.phone("call me", "US")).isEmpty();
  }

  @Test
  void sha256VectorsMatchWhatPlatformsExpect() {
    assertThat(mask("sha256:email", " John.Doe@Example.com"))
        .isEqualTo("836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f");
    assertThat(mask("sha256:phone", "(415) 555-0123"))
        .isEqualTo("36a2cef4ff9bf7a1abd2a93359136b870393be4106e6c5d19b72ff564f9deca4");
    assertThat(mask("sha256:phone:GB", "020 7946 0958"))
        .isEqualTo("f0bf0228144d9fe2bdf1da2d8ca698f17bf1410ee688b075c27062e47b6f0b6d");
    assertThat(mask("sha256:phone:GB", "+44 (0)20 7946 0958")).as("same number, other writing")
        .isEqualTo(mask("sha256:phone:GB", "020 7946 0958"));
    assertThat(mask("sha256:email", "nobody")).as("not an email: null, never a hash of junk").isNull();
    assertThatThrownBy(() -> specs.parse("sha256:phone:XX")).hasMessageContaining("phone region");
    assertThatThrownBy(() -> specs.parse("sha256:ssn")).hasMessageContaining("email and phone");
  }

  @Test
  void hmacIsKeyedAndDeterministic() {
    assertThat(mask("hmac:email", "John.Doe@example.com"))
        .isEqualTo("95c45fb7c38c3d9ce7c41fc934de1a2ef492e8ae2bc25ddf61d6a5f1f3eb9c09");
    assertThat(mask("hmac", "abc")).isEqualTo(mask("hmac", "abc")).isNotEqualTo(mask("hmac", "abd"));
    MaskSpecs otherKey = new MaskSpecs(ManagedKey.of("masking", new byte[32]), null, CLOCK);
    assertThat(otherKey.parse("hmac").apply("abc", null)).isNotEqualTo(mask("hmac", "abc"));
    assertThat(specs.parse("hmac").pseudonymises()).isTrue();
    assertThatThrownBy(() -> new MaskSpecs(null, null, CLOCK).parse("hmac"))
        .hasMessageContaining("needs the masking key");
  }

  @Test
  void generalisation() {
    assertThat(mask("age_band:10", 37L)).isEqualTo("30-39");
    assertThat(mask("age_band:5", 4L)).isEqualTo("0-4");
    assertThat(mask("age_band:10", 93L)).isEqualTo("90+");
    assertThat(mask("age_band:10", new BigDecimal("89.9"))).isEqualTo("80-89");
    assertThat(mask("age_band:10", LocalDate.of(1990, 6, 16))).as("birth date, one day before 36").isEqualTo("30-39");
    assertThat(mask("age_band:10", LocalDate.of(1980, 6, 15))).isEqualTo("40-49");
    assertThat(mask("postcode:3", "sw1a 1aa")).isEqualTo("SW1");
    assertThat(mask("postcode:3", "94105")).isEqualTo("941");
    assertThat(mask("postcode:8", "AB1")).isEqualTo("AB1");
    assertThat(mask("month", LocalDate.of(1984, 2, 29))).isEqualTo(LocalDate.of(1984, 2, 1));
    assertThat(mask("year", LocalDate.of(1984, 2, 29))).isEqualTo(LocalDate.of(1984, 1, 1));
    assertThat(mask("year", Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(mask("month", Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThatThrownBy(() -> specs.parse("month").outputType(ColumnType.STRING)).hasMessageContaining("DATE");
    assertThatThrownBy(() -> specs.parse("age_band:1")).hasMessageContaining("2..50");
  }

  @Test
  void dateShiftIsConsistentPerSubjectAndKeepsIntervals() {
    MaskFunction f = specs.parse("date_shift:30");
    LocalDate a = LocalDate.of(2026, 1, 10);
    LocalDate b = LocalDate.of(2026, 2, 20);
    LocalDate sa = (LocalDate) f.apply(a, "p1");
    LocalDate sb = (LocalDate) f.apply(b, "p1");
    assertThat(sa).isNotEqualTo(a);
    assertThat(java.time.temporal.ChronoUnit.DAYS.between(sa, sb)).isEqualTo(41);
    assertThat(Math.abs(java.time.temporal.ChronoUnit.DAYS.between(a, sa))).isBetween(1L, 30L);
    long distinct = IntStream.range(0, 200).mapToObj(i -> f.apply(a, "p" + i)).distinct().count();
    assertThat(distinct).as("subjects get different shifts").isGreaterThan(30);
    assertThat(f.apply(Instant.parse("2026-01-10T08:00:00Z"), "p1"))
        .isEqualTo(sa.atTime(8, 0).toInstant(ZoneOffset.UTC));
  }

  @Test
  void badSpecsAreRefusedWithTheListOfMasks() {
    assertThatThrownBy(() -> specs.parse("scramble")).hasMessageContaining("unknown mask 'scramble'")
        .hasMessageContaining("partial");
    assertThatThrownBy(() -> specs.parse(" ")).hasMessageContaining("empty mask");
    assertThatThrownBy(() -> specs.parse("redact:3")).hasMessageContaining("takes 0 argument");
    assertThatThrownBy(() -> specs.parse("token:email")).hasMessageContaining("token vault");
    assertThatThrownBy(() -> specs.parseColumns("email")).hasMessageContaining("column=mask");
    assertThatThrownBy(() -> specs.parseColumns("a=null,a=redact")).hasMessageContaining("masked twice");
  }

  @Test
  void keysNeverShowInText() {
    assertThat(KEY.toString()).startsWith("ManagedKey[masking, ").doesNotContain("AAECAwQ");
    assertThatThrownBy(() -> ManagedKey.load("masking", "not base64!!", null))
        .hasMessage("the configured masking key is not valid base64");
    assertThatThrownBy(() -> ManagedKey.of("audit", new byte[8])).hasMessageContaining("at least 16 bytes");
  }
}
