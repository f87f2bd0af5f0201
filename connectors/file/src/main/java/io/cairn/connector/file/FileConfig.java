package io.cairn.connector.file;

import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import java.util.List;

/** The declared configuration of the file source and sink, and the checks that span properties. */
final class FileConfig {
  static final String PATH = "path";
  static final String FORMAT = "format";
  static final String GLOB = "glob";
  static final String COLUMNS = "columns";
  static final String SUBJECT_COLUMN = "subjectColumn";
  static final String DELIMITER = "delimiter";
  static final String HEADER = "header";
  static final String FILE_NAME = "fileName";

  private static final ConfigProperty FORMAT_PROPERTY = ConfigProperty.builder(FORMAT, ConfigType.ENUM)
      .choices("csv", "jsonl")
      .description("csv or jsonl (JSON lines); by default taken from the file name's extension "
          + "(.csv, .tsv, .txt: csv; .jsonl, .ndjson, .json: jsonl)")
      .build();
  private static final ConfigProperty DELIMITER_PROPERTY = ConfigProperty.builder(DELIMITER, ConfigType.STRING)
      .defaultValue(",")
      .description("The CSV field delimiter: one character, or \\t for a tab")
      .build();
  private static final ConfigProperty HEADER_PROPERTY = ConfigProperty.builder(HEADER, ConfigType.BOOLEAN)
      .defaultValue("true")
      .description("Whether CSV files start with a header record naming the columns")
      .build();

  static final ConfigDef SOURCE = ConfigDef.of(
      ConfigProperty.builder(PATH, ConfigType.PATH).required()
          .description("The file to read, or a folder whose files matching 'glob' are read in path order")
          .build(),
      FORMAT_PROPERTY,
      ConfigProperty.builder(GLOB, ConfigType.STRING).defaultValue("*")
          .description("For a folder: the files to read, a glob on the path relative to the folder "
              + "(e.g. *.csv, **/*.jsonl)")
          .build(),
      ConfigProperty.builder(COLUMNS, ConfigType.STRING)
          .description("The declared schema as name:TYPE pairs, e.g. id:LONG,email:STRING,signup:DATE "
              + "(types " + DeclaredColumns.TYPE_NAMES + "). Without it CSV columns come from the header and "
              + "JSON-lines fields from the first record, all as STRING")
          .build(),
      ConfigProperty.builder(SUBJECT_COLUMN, ConfigType.STRING)
          .description("The column holding the id of the person each row is about")
          .build(),
      DELIMITER_PROPERTY,
      HEADER_PROPERTY);

  static final ConfigDef SINK = ConfigDef.of(
      ConfigProperty.builder(PATH, ConfigType.PATH).required()
          .description("The folder to write into; created when missing")
          .build(),
      FORMAT_PROPERTY,
      ConfigProperty.builder(FILE_NAME, ConfigType.STRING)
          .description("The file to write in the folder; by default part-<runId>.<csv|jsonl>. "
              + "An existing file is appended to")
          .build(),
      DELIMITER_PROPERTY,
      HEADER_PROPERTY);

  private FileConfig() {}

  /** The format: the configured one, else the one the name's extension tells, else null. */
  static FileFormat format(Config config, String... names) {
    if (config.has(FORMAT)) {
      return FileFormat.valueOf(config.string(FORMAT).toUpperCase(java.util.Locale.ROOT));
    }
    for (String name : names) {
      FileFormat f = name == null ? null : FileFormat.fromExtension(name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** The delimiter character; {@code \t} and {@code tab} mean a tab. */
  static char delimiter(Config config) {
    String d = config.string(DELIMITER);
    if (d.equals("\\t") || d.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
      throw problem("property 'delimiter' must be one character other than a quote or line break, or \\t: '"
          + d + "'");
    }
    return d.charAt(0);
  }

  static ConfigException problem(String message) {
    return new ConfigException(List.of(message));
  }
}
