package io.cairn.governance.consent;

import java.util.regex.Pattern;

/**
 * An identifier of a subject: its type (e.g. {@code email}, {@code customer_id}, {@code anonymous_id}) and
 * value.
 *
 * @throws IllegalArgumentException when the type is not a short lower-case word or the value is blank or long
 */
public record SubjectIdentifier(String type, String value) {
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public SubjectIdentifier {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("identifier type '" + type
          + "' must be lower-case letters, digits and '_' (at most 64), starting with a letter");
    }
    if (value == null || value.isBlank() || value.length() > 1024) {
      throw new IllegalArgumentException("the " + type + " identifier needs a value of 1 to 1024 characters");
    }
  }
}
