package io.cairn.connector.file;

/** A record that cannot be read; the message says why, for a person, without the line number. */
final class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  RecordException(String message) {
    super(message, null, false, false);
  }
}
