package io.cairn.step.profiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Conversions of column values (in their SPI Java types) to what the profiles library takes. */
final class Values {
  private Values() {}

  /** A TIMESTAMP or DATE value as an instant (dates at midnight UTC); null for anything else. */
  static Instant instant(Object value) {
    return switch (value) {
      case Instant i -> i;
      case LocalDate d -> d.atStartOfDay(ZoneOffset.UTC).toInstant();
      case null, default -> null;
    };
  }
}
