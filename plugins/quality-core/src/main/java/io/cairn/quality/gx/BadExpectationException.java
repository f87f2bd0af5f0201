package io.cairn.quality.gx;

/** An expectation that cannot run: an unknown type, or kwargs that are missing, unknown or of the wrong type. */
public final class BadExpectationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BadExpectationException(String message) {
    super(message);
  }
}
