package io.cairn.governance.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.spi.data.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;

/** Value checks with known vectors, and precision and recall on a labelled synthetic set with noise and decoys. */
class PiiClassifierTest {
  final PiiClassifier classifier = new PiiClassifier("US");

  @Test
  void detectorsCheckChecksumsNotJustShapes() {
    assertThat(Detectors.creditCard("4111 1111 1111 1111")).isTrue();
    assertThat(Detectors.creditCard("4111111111111112")).as("Luhn fails").isFalse();
    assertThat(Detectors.creditCard("0000000000000000")).isFalse();
    assertThat(Detectors.iban("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(Detectors.iban("GB82WEST12345698765433")).as("mod 97 fails").isFalse();
    assertThat(Detectors.ssn("123-45-6789")).isTrue();
    assertThat(Detectors.ssn("666-45-6789")).isFalse();
    assertThat(Detectors.ssn("123-00-6789")).isFalse();
    assertThat(Detectors.chineseResidentId("11010519491231002X")).isTrue();
    assertThat(Detectors.chineseResidentId("110105194912310021")).as("check character fails").isFalse();
    assertThat(Detectors.ip("192.168.10.1")).isTrue();
    assertThat(Detectors.ip("2001:db8::1")).isTrue();
    assertThat(Detectors.ip("300.1.1.1")).isFalse();
    assertThat(Detectors.phone("+1 650-253-0000", "US")).isTrue();
    assertThat(Detectors.phone("+44 20 7946 0958", "US")).isTrue();
    assertThat(Detectors.phone("6502530000", "US")).as("a bare digit run reads as an order number").isFalse();
    assertThat(Detectors.email("ann.lee+news@example.co.uk")).isTrue();
    assertThat(Detectors.email("ann@localhost")).isFalse();
    assertThat(Detectors.birthDate("1990-05-17")).isTrue();
    assertThat(Detectors.birthDate("2990-05-17")).isFalse();
  }

  @Test
  void suggestionsCarryAConfidenceAndAReason() {
    var s = classifier.classify("contact_email", ColumnType.STRING, List.of("a@x.com", "b@y.org", "n/a", ""));
    assertThat(s).singleElement().satisfies(x -> {
      assertThat(x.tag()).isEqualTo("PII.email");
      assertThat(x.confidence()).isEqualTo(0.77);
      assertThat(x.reason()).contains("67% of 3 samples").contains("the name");
    });
    assertThat(classifier.classify("notes", ColumnType.STRING, List.of("hello", "world"))).isEmpty();
    assertThat(classifier.classify("x", ColumnType.STRING, List.of())).isEmpty();
  }

  /** A column with the tag it should get (null: none). */
  record Labelled(String name, ColumnType type, List<Object> values, String expected) {}

  @Test
  void precisionAndRecallOnASyntheticSetAreAtLeast95Percent() {
    Faker f = new Faker(Locale.US, new Random(42));
    Faker cn = new Faker(Locale.CHINA, new Random(43));
    Random noise = new Random(44);
    List<Labelled> set = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      set.add(col("email", "PII.email", () -> f.internet().emailAddress(), f, noise));
      set.add(col("mobile_phone", "PII.phone", () -> f.phoneNumber().phoneNumberInternational(), f, noise));
      set.add(col("card_number", "PII.credit_card", () -> f.finance().creditCard(), f, noise));
      set.add(col("iban", "PII.iban", () -> f.finance().iban(), f, noise));
      set.add(col("ssn", "PII.ssn", () -> f.idNumber().ssnValid(), f, noise));
      set.add(col("id_card", "PII.cn_resident_id", () -> cn.idNumber().validZhCNSsn(), f, noise));
      boolean v4 = i % 2 == 0;
      set.add(col("client_ip", "PII.ip_address", () -> v4 ? f.internet().ipV4Address()
          : f.internet().ipV6Address(), f, noise));
      set.add(col("first_name", "PII.name", () -> f.name().firstName(), f, noise));
      set.add(col("street_address", "PII.address", () -> f.address().streetAddress(), f, noise));
      set.add(new Labelled("birth_date", ColumnType.DATE, values(() -> f.timeAndDate().birthday(18, 90), 40), "PII.birth_date"));
      // decoys: look like PII to a careless eye
      set.add(col("order_no", null, () -> String.valueOf(1_000_000_000L + f.number().numberBetween(0, 999_999_999)), f, noise));
      set.add(col("sku", null, () -> "SKU-" + f.number().digits(6), f, noise));
      set.add(col("status", null, () -> f.options().option("active", "trial", "closed"), f, noise));
      set.add(col("city", null, () -> f.address().city(), f, noise));
      set.add(col("amount", null, () -> f.commerce().price(), f, noise));
      set.add(col("tracking", null, () -> f.number().digits(16), f, noise));
      set.add(new Labelled("order_date", ColumnType.DATE, values(() -> f.timeAndDate().birthday(0, 5), 40), null));
    }
    int truePos = 0;
    int suggested = 0;
    int expected = 0;
    for (Labelled c : set) {
      List<String> tags = classifier.classify(c.name(), c.type(), c.values()).stream()
          .map(PiiClassifier.Suggestion::tag).toList();
      suggested += tags.size();
      expected += c.expected() == null ? 0 : 1;
      truePos += c.expected() != null && tags.contains(c.expected()) ? 1 : 0;
    }
    double precision = (double) truePos / suggested;
    double recall = (double) truePos / expected;
    System.out.printf("PII classification on %d labelled columns: precision %.3f, recall %.3f%n", set.size(),
        precision, recall);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
  }

  static Labelled col(String name, String tag, Supplier<String> gen, Faker f, Random noise) {
    List<Object> v = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int r = noise.nextInt(100);
      v.add(r < 5 ? null : r < 10 ? f.options().option("n/a", "unknown", "-", "") : gen.get());
    }
    return new Labelled(name, ColumnType.STRING, v, tag);
  }

  static List<Object> values(Supplier<java.time.LocalDate> gen, int n) {
    List<Object> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      v.add(gen.get());
    }
    return v;
  }
}
