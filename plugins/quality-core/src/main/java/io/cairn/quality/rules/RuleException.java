package io.cairn.quality.rules;

import java.util.List;

/** Rules that cannot be parsed or are not valid; the message lists every problem. */
public final class RuleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RuleException(List<String> problems) {
    super(String.join("; ", problems));
  }
}
