package io.cairn.quality.rules;

/** A rule whose action is {@link Action#FAIL} was broken: the run must fail. The message says which and why. */
public final class QualityFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QualityFailure(String message) {
    super(message);
  }
}
