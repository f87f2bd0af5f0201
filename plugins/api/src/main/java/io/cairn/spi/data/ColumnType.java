package io.cairn.spi.data;

/** The logical types a column can have. Java representations are given for each. */
public enum ColumnType {
  /** {@link String}. */
  STRING,
  /** {@link Long}. */
  LONG,
  /** {@link Double}. */
  DOUBLE,
  /** {@link java.math.BigDecimal}. */
  DECIMAL,
  /** {@link Boolean}. */
  BOOLEAN,
  /** {@link java.time.LocalDate}. */
  DATE,
  /** {@link java.time.Instant}. */
  TIMESTAMP,
  /** A JSON document as {@link String}. */
  JSON
}
