package io.cairn.connector.file;

import io.cairn.spi.config.Config;
import java.nio.file.Path;

/**
 * The file sink's configuration, checked across properties (no I/O).
 *
 * @param folder the folder written into
 * @param format the format written
 * @param fileName the configured file name, or null for {@code part-<runId>.<ext>}
 * @param delimiter the CSV delimiter
 * @param header whether a CSV file starts with a header record
 */
record SinkSettings(Path folder, FileFormat format, String fileName, char delimiter, boolean header) {
  /**
   * Reads validated configuration; the format defaults to the file name's extension, else CSV.
   *
   * @throws io.cairn.spi.config.ConfigException when properties do not parse or the file name is a path
   */
  static SinkSettings of(Config config) {
    String fileName = config.string(FileConfig.FILE_NAME);
    if (fileName != null && (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith("."))) {
      throw FileConfig.problem("property 'fileName' must be a plain file name, not a path: '" + fileName + "'");
    }
    FileFormat format = FileConfig.format(config, fileName);
    return new SinkSettings(config.path(FileConfig.PATH), format == null ? FileFormat.CSV : format, fileName,
        FileConfig.delimiter(config), config.bool(FileConfig.HEADER));
  }

  String fileName(String runId) {
    return fileName != null ? fileName : "part-" + runId + "." + format.extension();
  }
}
