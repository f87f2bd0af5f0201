package io.cairn.governance.classify;

import io.cairn.spi.data.ColumnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Suggests PII tags for a column from a sample of its values and its name. A value detector's confidence is
 * the share of non-empty samples it recognises (a matching column-name hint adds 0.1); a suggestion needs at
 * least {@value #MIN_SHARE} of the samples. Person names and addresses are suggested from column-name hints
 * (with mostly alphabetic values), birth dates from a date-like column whose name hints at birth. Stateless and
 * thread-safe.
 */
public final class PiiClassifier {
  static final double MIN_SHARE = 0.6;
  private static final Pattern LETTERS = Pattern.compile("^[\\p{L}][\\p{L} .'-]*$");
  private static final Pattern ADDRESS = Pattern.compile(".*\\d.*\\p{L}{2,}.*|.*\\p{L}{2,}.*\\d.*");

  /** A suggested tag. */
  public record Suggestion(String tag, double confidence, String reason) {}

  /**
   * A value detector with the column names that hint at it and, for shapes that other data shares, the names that
   * veto it (a four-part version number is a valid IPv4 address; an order number can be a valid phone number).
   */
  private record ValueRule(String tag, String hint, Predicate<String> test, Pattern veto) {
    ValueRule(String tag, String hint, Predicate<String> test) {
      this(tag, hint, test, null);
    }
  }

  private final List<ValueRule> rules;

  /** @param phoneRegion the region phone numbers without a country code are read for, e.g. {@code US} */
  public PiiClassifier(String phoneRegion) {
    this.rules = List.of(
        new ValueRule("PII.email", "e?mail", Detectors::email),
        new ValueRule("PII.credit_card", "card|cc|pan", Detectors::creditCard),
        new ValueRule("PII.iban", "iban|account", Detectors::iban),
        new ValueRule("PII.ssn", "ssn|social", Detectors::ssn),
        new ValueRule("PII.cn_resident_id", "id_?card|resident|shenfen|citizen", Detectors::chineseResidentId),
        new ValueRule("PII.ip_address", "ip|addr", Detectors::ip,
            Pattern.compile("(^|_)(version|ver|build|release|revision|rev|fw)(_|$)")),
        new ValueRule("PII.phone", "phone|mobile|tel|cell|fax", v -> Detectors.phone(v, phoneRegion),
            Pattern.compile("(^|_)(order|invoice|tracking|sku|serial|part|ref|reference|amount|price|qty|quantity)"
                + "(_|$)")));
  }

  /**
   * The suggestions for a column, most confident first; empty when nothing looks personal.
   *
   * @param samples values as read (nulls and blanks are ignored)
   */
  public List<Suggestion> classify(String column, ColumnType type, List<?> samples) {
    String name = column.toLowerCase(Locale.ROOT);
    List<String> values = samples.stream().filter(Objects::nonNull).map(v -> v.toString().strip())
        .filter(s -> !s.isEmpty()).toList();
    List<Suggestion> out = new ArrayList<>();
    if (values.isEmpty()) {
      return out;
    }
    for (ValueRule r : rules) {
      if (r.veto() != null && r.veto().matcher(name).find()) {
        continue;
      }
      double share = share(values, r.test());
      if (share >= MIN_SHARE) {
        boolean hinted = Pattern.compile("(^|_)(" + r.hint() + ")").matcher(name).find();
        out.add(new Suggestion(r.tag(), Math.min(1, round(share + (hinted ? 0.1 : 0))),
            Math.round(share * 100) + "% of " + values.size() + " samples match" + (hinted ? ", and the name" : "")));
      }
    }
    hinted(name, values, type).ifPresent(out::add);
    out.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
    return out.isEmpty() ? out : keepBest(out);
  }

  /**
   * The suggestions for each field of a column of JSON events, keyed by the field's full path: the column's name,
   * a dot, and the path inside the document ({@code payload.context.traits.email}, {@code
   * payload.properties.items[].sku}). Each field is judged like a column named after its last segment.
   *
   * @param samples JSON texts (or parsed nodes, maps, lists); others are ignored
   */
  public Map<String, List<Suggestion>> classifyJson(String column, List<?> samples) {
    Map<String, List<Suggestion>> out = new java.util.LinkedHashMap<>();
    JsonFields.flatten(samples).forEach((path, values) -> {
      String leaf = path.replace("[]", "");
      leaf = leaf.substring(leaf.lastIndexOf('.') + 1);
      List<Suggestion> s = classify(leaf, ColumnType.STRING, values);
      if (!s.isEmpty()) {
        out.put(column + "." + path, s);
      }
    });
    return out;
  }

  /** Whether a column holds JSON events: its type says so, or most of its non-empty text samples are JSON. */
  public static boolean holdsJson(ColumnType type, List<?> samples) {
    if (type == ColumnType.JSON) {
      return true;
    }
    if (type != ColumnType.STRING) {
      return false;
    }
    List<String> values = samples.stream().filter(Objects::nonNull).map(Object::toString)
        .filter(s -> !s.isBlank()).toList();
    return !values.isEmpty() && share(values, JsonFields::looksLikeJson) >= MIN_SHARE;
  }

  private static java.util.Optional<Suggestion> hinted(String name, List<String> values, ColumnType type) {
    if (name.matches(".*(birth|dob|born).*")
        && (type == ColumnType.DATE || share(values, Detectors::birthDate) >= MIN_SHARE)) {
      double share = type == ColumnType.DATE ? share(values, v -> LocalDate.parse(v).getYear() >= 1900)
          : share(values, Detectors::birthDate);
      return share >= MIN_SHARE ? java.util.Optional.of(new Suggestion("PII.birth_date", round(Math.min(1, share)),
          "a date column named like a birth date")) : java.util.Optional.empty();
    }
    Map<String, String> names = Map.of("PII.name", "^(first|last|given|family|middle|full|sur|user|customer_|contact_)?_?name$|^(surname|forename)$",
        "PII.address", ".*(address|street|addr_line|line_?1|line_?2).*");
    for (var e : names.entrySet()) {
      if (name.matches(e.getValue()) && type == ColumnType.STRING) {
        double share = share(values, e.getKey().equals("PII.name") ? v -> LETTERS.matcher(v).matches()
            : v -> ADDRESS.matcher(v).matches());
        if (share >= MIN_SHARE) {
          return java.util.Optional.of(new Suggestion(e.getKey(), round(0.5 + share * 0.45),
              "the column name, and " + Math.round(share * 100) + "% of the samples look like one"));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Where several value rules fire (a card number is also a possible phone), the best one wins. */
  private static List<Suggestion> keepBest(List<Suggestion> sorted) {
    return List.of(sorted.getFirst());
  }

  private static double share(List<String> values, Predicate<String> test) {
    long n = values.stream().filter(v -> {
      try {
        return test.test(v);
      } catch (RuntimeException e) {
        return false;
      }
    }).count();
    return (double) n / values.size();
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
