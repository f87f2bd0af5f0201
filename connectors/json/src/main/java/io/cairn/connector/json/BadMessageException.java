package io.cairn.connector.json;

/** A message that cannot become a row; the message is a reason a person can act on. */
public final class BadMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  BadMessageException(String reason) {
    super(reason, null, false, false);
  }
}
