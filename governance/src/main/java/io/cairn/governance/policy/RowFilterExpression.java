package io.cairn.governance.policy;

import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The row-filter language of Cairn's policies: comparisons of a column with literals joined by {@code and},
 * e.g. {@code country = 'FR' and age >= 18 and status in ('active', 'trial') and email is not null}. Operators:
 * {@code = != <> < <= > >= in, is [not] null}; literals: quoted text, numbers, {@code true}, {@code false}.
 * Anything else (functions, {@code or}, Ranger's {@code ${{...}}} macros) is refused when a policy is saved,
 * so a filter can never fail open. Immutable and thread-safe.
 */
public final class RowFilterExpression {
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(?<str>'(?:[^']|'')*')|(?<num>-?\\d+(?:\\.\\d+)?)|(?<op><=|>=|!=|<>|=|<|>)|(?<punct>[(),])"
          + "|(?<word>[A-Za-z_][A-Za-z0-9_.]*))");

  private final String text;
  private final List<Condition> conditions;

  private record Condition(String column, String op, List<Object> values) {}

  private RowFilterExpression(String text, List<Condition> conditions) {
    this.text = text;
    this.conditions = List.copyOf(conditions);
  }

  /**
   * Parses a filter.
   *
   * @throws IllegalArgumentException saying where the filter leaves the language
   */
  public static RowFilterExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty row filter");
    }
    List<String> t = tokens(text);
    List<Condition> out = new ArrayList<>();
    int i = 0;
    while (true) {
      if (i + 1 >= t.size()) {
        throw bad(text, "a condition is incomplete");
      }
      String column = word(t.get(i++), text);
      String op = t.get(i++).toLowerCase(Locale.ROOT);
      if (op.equals("is")) {
        boolean not = i < t.size() && t.get(i).equalsIgnoreCase("not");
        i += not ? 1 : 0;
        if (i >= t.size() || !t.get(i++).equalsIgnoreCase("null")) {
          throw bad(text, "'is' must be followed by 'null' or 'not null'");
        }
        out.add(new Condition(column, not ? "notnull" : "null", List.of()));
      } else if (op.equals("in")) {
        List<Object> values = new ArrayList<>();
        if (i >= t.size() || !t.get(i++).equals("(")) {
          throw bad(text, "'in' must be followed by a list in parentheses");
        }
        do {
          values.add(literal(t, i++, text));
        } while (i < t.size() && t.get(i++).equals(","));
        if (!t.get(i - 1).equals(")")) {
          throw bad(text, "the list after 'in' must end with ')'");
        }
        out.add(new Condition(column, "in", values));
      } else if (op.matches("<=|>=|!=|<>|=|<|>")) {
        out.add(new Condition(column, op.equals("<>") ? "!=" : op, List.of(literal(t, i++, text))));
      } else {
        throw bad(text, "'" + op + "' is not an operator (use = != < <= > >= in, is null)");
      }
      if (i == t.size()) {
        return new RowFilterExpression(text, out);
      }
      if (!t.get(i++).equalsIgnoreCase("and")) {
        throw bad(text, "conditions can only be joined by 'and', not '" + t.get(i - 1) + "'");
      }
    }
  }

  /** The columns the filter reads. */
  public List<String> columns() {
    return conditions.stream().map(Condition::column).distinct().toList();
  }

  /**
   * A predicate over rows of a schema.
   *
   * @throws IllegalArgumentException when the schema lacks a column the filter reads
   */
  public Predicate<Row> bind(Schema schema) {
    List<Predicate<Row>> parts = new ArrayList<>();
    for (Condition c : conditions) {
      int idx = schema.indexOf(c.column()).orElseThrow(() -> new IllegalArgumentException(
          "the row filter '" + text + "' reads column '" + c.column() + "', which is not in " + schema.names()));
      parts.add(row -> test(c, row.get(idx)));
    }
    return row -> parts.stream().allMatch(p -> p.test(row));
  }

  private static boolean test(Condition c, Object v) {
    return switch (c.op()) {
      case "null" -> v == null;
      case "notnull" -> v != null;
      case "in" -> v != null && c.values().stream().anyMatch(l -> compare(v, l) == 0);
      default -> {
        if (v == null) {
          yield false;
        }
        int cmp = compare(v, c.values().getFirst());
        yield switch (c.op()) {
          case "=" -> cmp == 0;
          case "!=" -> cmp != 0;
          case "<" -> cmp < 0;
          case "<=" -> cmp <= 0;
          case ">" -> cmp > 0;
          default -> cmp >= 0;
        };
      }
    };
  }

  private static int compare(Object value, Object literal) {
    if (value instanceof Number n && literal instanceof BigDecimal d) {
      return new BigDecimal(n.toString()).compareTo(d);
    }
    if (value instanceof Boolean b && literal instanceof Boolean l) {
      return Boolean.compare(b, l);
    }
    return value.toString().compareTo(Objects.toString(literal));
  }

  private static Object literal(List<String> t, int i, String text) {
    if (i >= t.size()) {
      throw bad(text, "a value is missing at the end");
    }
    String s = t.get(i);
    if (s.startsWith("'")) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    if (s.matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(s);
    }
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw bad(text, "'" + s + "' is not a value (quote text: 'FR')");
  }

  private static String word(String s, String text) {
    if (!s.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
      throw bad(text, "'" + s + "' is not a column name");
    }
    return s;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    int pos = 0;
    while (pos < text.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw bad(text, "unexpected text at position " + (pos + 1) + ": '" + text.substring(pos).strip() + "'");
      }
      out.add(m.group().strip());
      pos = m.end();
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
    return out;
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("row filter '" + text + "': " + why);
  }

  @Override
  public String toString() {
    return text;
  }
}
