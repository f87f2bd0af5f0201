package io.cairn.connector.redis;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a segments value: comma-separated names, or a JSON array of strings. Blank names are dropped. */
final class Segments {
  private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern JSON_ARRAY = Pattern.compile(
      "\\[\\s*(?:" + JSON_STRING + "\\s*(?:,\\s*" + JSON_STRING + "\\s*)*)?]");

  private Segments() {}

  /**
   * The names in the value; empty for null or blank.
   *
   * @throws IllegalArgumentException when a value that starts with {@code [} is not an array of strings
   */
  static Set<String> parse(Object value) {
    Set<String> names = new LinkedHashSet<>();
    String text = value == null ? "" : value.toString().strip();
    if (text.startsWith("[")) {
      if (!JSON_ARRAY.matcher(text).matches()) {
        throw new IllegalArgumentException("segments '" + text + "' are not a JSON array of strings");
      }
      Matcher m = JSON_STRING.matcher(text);
      while (m.find()) {
        add(names, unescape(m.group(1)));
      }
    } else {
      for (String s : text.split(",")) {
        add(names, s);
      }
    }
    return names;
  }

  private static void add(Set<String> names, String name) {
    if (!name.isBlank()) {
      names.add(name.strip());
    }
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
