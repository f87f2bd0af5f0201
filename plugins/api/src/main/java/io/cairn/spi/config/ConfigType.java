package io.cairn.spi.config;

/** The type of a configuration property; it decides parsing, validation and the form control. */
public enum ConfigType {
  STRING,
  INT,
  LONG,
  DOUBLE,
  BOOLEAN,
  /** One of {@link ConfigProperty#choices()}. */
  ENUM,
  /** A comma-separated list of strings. */
  LIST,
  /** A file system path. */
  PATH
}
