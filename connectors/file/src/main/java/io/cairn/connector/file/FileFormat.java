package io.cairn.connector.file;

import java.util.Locale;

/** The file formats the connector reads and writes. */
enum FileFormat {
  CSV("csv"),
  JSONL("jsonl");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  String extension() {
    return extension;
  }

  /** The format a file name's extension tells, or null when it tells none (e.g. {@code *} or no dot). */
  static FileFormat fromExtension(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
      case "csv", "tsv", "txt" -> CSV;
      case "jsonl", "ndjson", "json" -> JSONL;
      default -> null;
    };
  }
}
