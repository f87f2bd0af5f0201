package io.cairn.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A processing purpose (e.g. {@code analytics}, {@code email_marketing}) that a step or sink serves. The
 * runtime checks consent for the purposes before every purpose-bound step and every sink.
 */
public record Purpose(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public static final Purpose ANALYTICS = new Purpose("analytics");
  public static final Purpose PERSONALISATION = new Purpose("personalisation");
  public static final Purpose PROFILING = new Purpose("profiling");
  public static final Purpose EMAIL_MARKETING = new Purpose("email_marketing");
  public static final Purpose ADVERTISING = new Purpose("advertising");
  public static final Purpose SALE_SHARE = new Purpose("sale_share");

  public Purpose {
    Objects.requireNonNull(name, "purpose name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "purpose '" + name + "' must be lower-case letters, digits and '_' (at most 64), starting with a letter");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
