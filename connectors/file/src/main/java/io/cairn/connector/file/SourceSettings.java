package io.cairn.connector.file;

import io.cairn.spi.config.Config;
import io.cairn.spi.data.Schema;
import java.nio.file.Path;

/**
 * The file source's configuration, checked across properties (no I/O).
 *
 * @param path the file or folder
 * @param format the format of every file read
 * @param glob the files of a folder to read
 * @param declared the declared schema, or null to take it from the data
 * @param subjectColumn the column holding the subject id, or null
 * @param delimiter the CSV delimiter
 * @param header whether CSV files start with a header record
 */
record SourceSettings(
    Path path, FileFormat format, String glob, Schema declared, String subjectColumn, char delimiter,
    boolean header) {

  /**
   * Reads validated configuration.
   *
   * @throws io.cairn.spi.config.ConfigException when properties contradict each other or do not parse
   */
  static SourceSettings of(Config config) {
    Path path = config.path(FileConfig.PATH);
    String glob = config.string(FileConfig.GLOB);
    String fileName = path.getFileName() == null ? null : path.getFileName().toString();
    FileFormat format = FileConfig.format(config, fileName, glob);
    if (format == null) {
      throw FileConfig.problem("property 'format' is required: neither the path '" + path + "' nor the glob '"
          + glob + "' ends in a known extension");
    }
    Schema declared = null;
    if (config.has(FileConfig.COLUMNS)) {
      try {
        declared = DeclaredColumns.parse(config.string(FileConfig.COLUMNS));
      } catch (IllegalArgumentException e) {
        throw FileConfig.problem("property 'columns': " + e.getMessage());
      }
    }
    String subject = config.string(FileConfig.SUBJECT_COLUMN);
    if (subject != null && declared != null && declared.indexOf(subject).isEmpty()) {
      throw FileConfig.problem("property 'subjectColumn': '" + subject + "' is not among the declared columns "
          + declared.names());
    }
    boolean header = config.bool(FileConfig.HEADER);
    if (format == FileFormat.CSV && !header && declared == null) {
      throw FileConfig.problem("property 'columns' is required for CSV files without a header (header=false)");
    }
    return new SourceSettings(path, format, glob, declared, subject, FileConfig.delimiter(config), header);
  }

  RecordReader open(Path file) throws java.io.IOException {
    return format == FileFormat.CSV
        ? new CsvRecordReader(file, delimiter, header)
        : new JsonLinesRecordReader(file);
  }
}
