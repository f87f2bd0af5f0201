package io.cairn.platform.collector;

/** A refused collector request: the status to answer, a message that says what to fix, and when to retry. */
final class CollectorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final long retryAfterSeconds;

  CollectorException(int status, String message) {
    this(status, message, 0);
  }

  CollectorException(int status, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static CollectorException badRequest(String message) {
    return new CollectorException(400, message);
  }

  int status() {
    return status;
  }

  /** Seconds for {@code Retry-After}, or 0 for none. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
