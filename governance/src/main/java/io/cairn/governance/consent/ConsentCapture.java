package io.cairn.governance.consent;

/**
 * Records the consent carried by collected events; the consent service implements it. The collector first
 * {@linkplain #validate validates} every signal of a request (a malformed one refuses the request with 400 and
 * nothing is stored), then writes the events durably, and only then {@linkplain #capture captures} the signals:
 * a refused or failed write records no consent.
 */
@FunctionalInterface
public interface ConsentCapture {
  /**
   * Records the signal as consent history (source TC string, GPC or event context).
   *
   * @throws IllegalArgumentException when the signal is malformed (e.g. an undecodable TC string or an unknown
   *     purpose); the message says what is wrong and the collector answers 400 with it
   */
  void capture(ConsentSignal signal);

  /**
   * Checks a signal without recording anything: what {@link #capture} would refuse as malformed.
   *
   * @throws IllegalArgumentException as {@link #capture} does for a malformed signal
   */
  default void validate(ConsentSignal signal) {}

  /** Records nothing: for a platform without the consent service. */
  ConsentCapture NONE = signal -> {};
}
