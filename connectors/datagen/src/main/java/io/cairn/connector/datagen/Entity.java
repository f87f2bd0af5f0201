package io.cairn.connector.datagen;

import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.Schema;
import java.util.Locale;
import java.util.Set;

/**
 * The entities datagen can produce, each with its schema and default row count.
 *
 * <p>Tags: direct identifiers and personal attributes carry {@code PII} plus a subtype ({@code PII.name},
 * {@code PII.email}, {@code PII.phone}, {@code PII.address}, {@code PII.birthdate}, {@code PII.device},
 * {@code PII.ip}); pseudonymous join keys (customer, CRM and anonymous ids) carry {@code PII.id} alone, so
 * a step that masks every {@code PII} column keeps the keys that link the entities.
 */
enum Entity {
  CUSTOMERS(
      Schema.of(
          key("customer_id", "PII.id"),
          text("first_name", "PII", "PII.name"),
          text("last_name", "PII", "PII.name"),
          text("email", "PII", "PII.email"),
          text("phone", "PII", "PII.phone"),
          text("street", "PII", "PII.address"),
          text("city", "PII", "PII.address"),
          text("postcode", "PII", "PII.address"),
          text("country"),
          text("birth_date", "PII", "PII.birthdate"),
          column("signup_ts", ColumnType.TIMESTAMP, false),
          text("loyalty_tier"),
          text("device_id", "PII", "PII.device"),
          text("crm_id", "PII.id"))),
  ORDERS(
      Schema.of(
          key("order_id"),
          key("customer_id", "PII.id"),
          column("order_ts", ColumnType.TIMESTAMP, false),
          column("amount", ColumnType.DECIMAL, true),
          text("currency"),
          text("status"),
          text("channel"),
          text("category"),
          column("item_count", ColumnType.LONG, true))),
  EVENTS(
      Schema.of(
          key("event_id"),
          key("anonymous_id", "PII.id"),
          text("customer_id", "PII.id"),
          text("type"),
          text("event_name"),
          column("ts", ColumnType.TIMESTAMP, false),
          text("url"),
          text("user_agent", "PII", "PII.device"),
          text("ip", "PII", "PII.ip"),
          text("device_id", "PII", "PII.device"))),
  CONSENTS(
      Schema.of(
          key("customer_id", "PII.id"),
          text("purpose"),
          text("status"),
          text("lawful_basis"),
          text("source"),
          column("updated_ts", ColumnType.TIMESTAMP, false)));

  /** The purposes a consent row can be about, in the order each customer's rows cycle through them. */
  static final String[] PURPOSES = {
    "analytics", "personalisation", "profiling", "email_marketing", "advertising", "sale_share"
  };

  private final Schema schema;

  Entity(Schema schema) {
    this.schema = schema;
  }

  Schema schema() {
    return schema;
  }

  /** The name used in configuration and dataset names. */
  String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Entity parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** How many rows are generated when {@code count} is not set. */
  long defaultCount(long customers) {
    return switch (this) {
      case CUSTOMERS -> customers;
      case ORDERS -> 30_000;
      case EVENTS -> 100_000;
      case CONSENTS -> customers * PURPOSES.length;
    };
  }

  private static Column key(String name, String... tags) {
    return new Column(name, ColumnType.STRING, false, Set.of(tags));
  }

  private static Column text(String name, String... tags) {
    return new Column(name, ColumnType.STRING, true, Set.of(tags));
  }

  private static Column column(String name, ColumnType type, boolean nullable) {
    return new Column(name, type, nullable, Set.of());
  }
}
