package io.cairn.governance.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.spi.data.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of PII classification on a labelled synthetic set of several hundred columns and JSON
 * event fields made with Datafaker: personal data under telling names and under opaque ones ({@code col_17}), in
 * several formats, with noise (blanks, placeholders, stray values), beside decoys that look personal to a careless
 * eye (order numbers shaped like phones, digit runs that fail Luhn, IBAN and resident-id shapes that fail their
 * checksums, four-part version numbers, part numbers, message ids, timestamps).
 */
class PiiEvaluationTest {
  static final int SAMPLES = 60;
  final PiiClassifier classifier = new PiiClassifier("US");
  final Faker f = new Faker(Locale.US, new Random(4242));
  final Faker cn = new Faker(Locale.CHINA, new Random(4343));
  final Random noise = new Random(4444);

  /** A column with the tag it should get (null: none). */
  record Labelled(String name, ColumnType type, List<Object> values, String expected) {}

  @Test
  void precisionAndRecallOnSeveralHundredColumnsAndEventFieldsAreAtLeast95Percent() {
    List<Labelled> columns = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      columns.addAll(positives(i));
      columns.addAll(decoys(i));
    }
    int truePos = 0;
    int suggested = 0;
    int expected = 0;
    List<String> misses = new ArrayList<>();
    for (Labelled c : columns) {
      List<String> tags = classifier.classify(c.name(), c.type(), c.values()).stream()
          .map(PiiClassifier.Suggestion::tag).toList();
      suggested += tags.size();
      expected += c.expected() == null ? 0 : 1;
      boolean hit = c.expected() != null && tags.contains(c.expected());
      truePos += hit ? 1 : 0;
      if (!hit && (c.expected() != null || !tags.isEmpty())) {
        misses.add(c.name() + " expected " + c.expected() + " got " + tags);
      }
    }
    int fields = 0;
    for (int i = 0; i < 30; i++) {
      Map<String, String> labels = new LinkedHashMap<>();
      List<Object> events = events(labels);
      Map<String, List<PiiClassifier.Suggestion>> found = classifier.classifyJson("payload", events);
      for (var e : labels.entrySet()) {
        fields++;
        List<String> tags = found.getOrDefault(e.getKey(), List.of()).stream().map(PiiClassifier.Suggestion::tag)
            .toList();
        suggested += tags.size();
        expected += e.getValue() == null ? 0 : 1;
        boolean hit = e.getValue() != null && tags.contains(e.getValue());
        truePos += hit ? 1 : 0;
        if (!hit && (e.getValue() != null || !tags.isEmpty())) {
          misses.add(e.getKey() + " expected " + e.getValue() + " got " + tags);
        }
      }
      assertThat(found.keySet()).as("suggestions only for fields of the events").allMatch(labels::containsKey);
    }
    double precision = (double) truePos / suggested;
    double recall = (double) truePos / expected;
    System.out.printf(Locale.ROOT, "PII classification on %d labelled columns and %d JSON event fields "
        + "(%d personal): precision %.3f, recall %.3f%n", columns.size(), fields, expected, precision, recall);
    misses.stream().limit(40).forEach(m -> System.out.println("  miss: " + m));
    assertThat(columns.size() + fields).isGreaterThanOrEqualTo(500);
    assertThat(precision).as("precision; misses: %s", misses).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("recall; misses: %s", misses).isGreaterThanOrEqualTo(0.95);
  }

  private List<Labelled> positives(int i) {
    String opaque = "col_" + i;
    return List.of(
        col(pick(i, "email", "contact_email", "e_mail", opaque + "a"), "PII.email", () -> i % 3 == 0
            ? f.internet().emailAddress().toUpperCase(Locale.ROOT) : f.internet().emailAddress()),
        col(pick(i, "phone", "mobile", "tel", opaque + "b"), "PII.phone", () -> phone(i)),
        col(pick(i, "card_number", "cc", "pan", opaque + "c"), "PII.credit_card", () -> i % 2 == 0
            ? f.finance().creditCard() : f.finance().creditCard().replace("-", "")),
        col(pick(i, "iban", "account_iban", "payee_iban", opaque + "d"), "PII.iban", () -> i % 2 == 0
            ? f.finance().iban() : f.finance().iban().replaceAll("(.{4})", "$1 ").strip()),
        col(pick(i, "ssn", "social_security", "tax_ssn", opaque + "e"), "PII.ssn", () -> f.idNumber().ssnValid()),
        col(pick(i, "id_card", "resident_id", "citizen_no", opaque + "f"), "PII.cn_resident_id",
            () -> cn.idNumber().validZhCNSsn()),
        col(pick(i, "client_ip", "ip", "remote_addr", opaque + "g"), "PII.ip_address", () -> i % 2 == 0
            ? f.internet().ipV4Address() : f.internet().ipV6Address()),
        col(pick(i, "first_name", "last_name", "full_name", "customer_name"), "PII.name", () -> switch (i % 4) {
          case 0 -> f.name().firstName();
          case 1 -> f.name().lastName();
          default -> f.name().fullName();
        }),
        col(pick(i, "street_address", "address_line1", "home_address", "billing_address"), "PII.address",
            () -> i % 2 == 0 ? f.address().streetAddress() : f.address().fullAddress()),
        i % 2 == 0
            ? new Labelled(pick(i, "birth_date", "date_of_birth", "dob", "born_on"), ColumnType.DATE,
                dates(() -> f.timeAndDate().birthday(18, 90)), "PII.birth_date")
            : col(pick(i, "birth_date", "date_of_birth", "dob", "born_on"), "PII.birth_date",
                () -> f.timeAndDate().birthday(18, 90).toString()));
  }

  private String phone(int i) {
    return switch (i % 3) {
      case 0 -> f.phoneNumber().phoneNumberInternational();
      case 1 -> "+1 " + f.options().option("212", "415", "650", "303", "617") + "-" + f.number().numberBetween(200, 999)
          + "-" + f.number().digits(4);
      default -> "(" + f.options().option("212", "415", "650", "303", "617") + ") " + f.number().numberBetween(200, 999)
          + "-" + f.number().digits(4);
    };
  }

  private List<Labelled> decoys(int i) {
    String opaque = "col_x" + i;
    return List.of(
        col(pick(i, "order_no", "order_number", "invoice_no", opaque + "a"), null,
            () -> String.valueOf(f.number().numberBetween(1_000_000_000L, 9_999_999_999L))),
        col(pick(i, "tracking", "reference", "batch_id", opaque + "b"), null, () -> f.number().digits(16)),
        col(pick(i, "account_ref", "payment_ref", "ref", opaque + "c"), null,
            () -> "GB" + f.number().digits(2) + "ACME" + f.number().digits(14)),
        col(pick(i, "serial", "device_serial", "lot", opaque + "d"), null, () -> f.number().digits(18)),
        col(pick(i, "version", "build", "release", "fw_version"), null,
            () -> f.number().numberBetween(1, 12) + "." + f.number().numberBetween(0, 30) + "."
                + f.number().numberBetween(0, 9) + "." + f.number().numberBetween(0, 200)),
        col(pick(i, "part_no", "sku", "item_code", opaque + "e"), null,
            () -> f.number().digits(3) + "-" + f.number().digits(2) + "-" + f.number().digits(3)),
        col(pick(i, "message_id", "msg_id", "mid", opaque + "f"), null,
            () -> "<" + f.internet().uuid() + "@" + f.internet().domainName() + ">"),
        col(pick(i, "created_at", "updated_at", "shipped_at", opaque + "g"), null,
            () -> f.timeAndDate().past(800, java.util.concurrent.TimeUnit.DAYS).toString()),
        col(pick(i, "city", "country", "company_name", "product_name"), null, () -> switch (i % 4) {
          case 0 -> f.address().city();
          case 1 -> f.address().country();
          case 2 -> f.company().name();
          default -> f.commerce().productName();
        }),
        col(pick(i, "amount", "price", "quantity", "score"), null, () -> f.commerce().price()),
        col(pick(i, "status", "plan", "channel", "segment"), null, () -> f.options().option("active", "trial",
            "closed", "paused")),
        col(pick(i, "uuid", "session_id", "hash", "etag"), null, () -> i % 2 == 0 ? f.internet().uuid()
            : f.hashing().sha256()),
        col(pick(i, "zip", "postcode_prefix", "area", "region_code"), null, () -> f.number().digits(5)),
        new Labelled(pick(i, "order_date", "ship_date", "valid_from", "renewal_date"), ColumnType.DATE,
            dates(() -> f.timeAndDate().birthday(0, 5)), null));
  }

  /** Segment-style track events: personal fields under context.traits, decoys under properties. */
  private List<Object> events(Map<String, String> labels) {
    labels.put("payload.userId", null);
    labels.put("payload.event", null);
    labels.put("payload.context.ip", "PII.ip_address");
    labels.put("payload.context.traits.email", "PII.email");
    labels.put("payload.context.traits.phone", "PII.phone");
    labels.put("payload.context.traits.first_name", "PII.name");
    labels.put("payload.context.traits.address.street", "PII.address");
    labels.put("payload.context.traits.address.city", null);
    labels.put("payload.context.app.version", null);
    labels.put("payload.properties.order_id", null);
    labels.put("payload.properties.total", null);
    labels.put("payload.properties.products[].sku", null);
    labels.put("payload.properties.products[].price", null);
    labels.put("payload.properties.payment.card_number", "PII.credit_card");
    List<Object> out = new ArrayList<>();
    for (int n = 0; n < SAMPLES; n++) {
      Map<String, Object> address = new LinkedHashMap<>();
      address.put("street", f.address().streetAddress());
      address.put("city", f.address().city());
      Map<String, Object> traits = new LinkedHashMap<>();
      traits.put("email", noisy(f.internet().emailAddress()));
      traits.put("phone", noisy(phone(n)));
      traits.put("first_name", f.name().firstName());
      traits.put("address", address);
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("ip", f.internet().ipV4Address());
      context.put("traits", traits);
      context.put("app", Map.of("version", f.number().numberBetween(1, 9) + "." + f.number().numberBetween(0, 20)
          + "." + f.number().numberBetween(0, 9) + "." + f.number().numberBetween(0, 99)));
      List<Map<String, Object>> products = new ArrayList<>();
      for (int k = 0; k < 1 + n % 3; k++) {
        products.add(Map.of("sku", "SKU-" + f.number().digits(6), "price", f.number().randomDouble(2, 1, 300)));
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("order_id", String.valueOf(f.number().numberBetween(1_000_000_000L, 9_999_999_999L)));
      properties.put("total", f.number().randomDouble(2, 1, 900));
      properties.put("products", products);
      properties.put("payment", Map.of("card_number", f.finance().creditCard()));
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("userId", f.internet().uuid());
      event.put("event", f.options().option("Order Completed", "Product Viewed", "Signed Up"));
      event.put("context", context);
      event.put("properties", properties);
      out.add(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(event).toString());
    }
    return out;
  }

  private Object noisy(String value) {
    int r = noise.nextInt(100);
    return r < 4 ? null : r < 8 ? f.options().option("n/a", "unknown", "-", "") : value;
  }

  private Labelled col(String name, String tag, Supplier<String> gen) {
    List<Object> v = new ArrayList<>();
    for (int n = 0; n < SAMPLES; n++) {
      int r = noise.nextInt(100);
      v.add(r < 5 ? null : r < 10 ? f.options().option("n/a", "unknown", "-", "", "0", "test")
          : r < 12 ? f.lorem().word() : gen.get());
    }
    return new Labelled(name, ColumnType.STRING, v, tag);
  }

  private List<Object> dates(Supplier<java.time.LocalDate> gen) {
    List<Object> v = new ArrayList<>();
    for (int n = 0; n < SAMPLES; n++) {
      v.add(noise.nextInt(100) < 5 ? null : gen.get());
    }
    return v;
  }

  private static String pick(int i, String... names) {
    return names[i % names.length];
  }
}
