package io.cairn.governance.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the lower-case terms of the consent enums, with a message listing the accepted ones. */
final class Terms {
  private Terms() {}

  static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> term, String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required (" + accepted(type, term) + ")");
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (term.apply(e).equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + value + "': use " + accepted(type, term));
  }

  private static <E extends Enum<E>> String accepted(Class<E> type, Function<E, String> term) {
    return Arrays.stream(type.getEnumConstants()).map(term).collect(Collectors.joining(", "));
  }
}
