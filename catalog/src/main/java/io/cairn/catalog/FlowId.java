package io.cairn.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/** A flow's id: lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64. */
public record FlowId(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public FlowId {
    Objects.requireNonNull(value, "flow id");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("flow id '" + value
          + "' must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
