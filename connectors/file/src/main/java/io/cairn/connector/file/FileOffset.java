package io.cairn.connector.file;

/**
 * A position in the source: the file (relative to the folder; empty for a single-file source) and the
 * number of its last record consumed. Rendered as {@code <record>} for a single file and
 * {@code <file>#<record>} for a folder.
 */
record FileOffset(String file, long record) {
  String render() {
    return file.isEmpty() ? Long.toString(record) : file + "#" + record;
  }

  /**
   * Parses an offset this source produced.
   *
   * @throws IllegalArgumentException when the offset does not have the expected form
   */
  static FileOffset parse(String offset, boolean folder) {
    try {
      if (!folder) {
        return new FileOffset("", Long.parseLong(offset));
      }
      int hash = offset.lastIndexOf('#');
      if (hash > 0) {
        return new FileOffset(offset.substring(0, hash), Long.parseLong(offset.substring(hash + 1)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("resume offset '" + offset + "' is not "
        + (folder ? "<file>#<record number>" : "a record number") + " as this source writes them");
  }
}
