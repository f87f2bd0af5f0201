package io.cairn.governance.consent;

/**
 * Records the consent carried by collected events. The collector calls it after an event is accepted and
 * durably written; the consent service implements it.
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

  /** Records nothing: for a platform without the consent service. */
  ConsentCapture NONE = signal -> {};
}
