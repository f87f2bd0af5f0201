package io.cairn.profiles.identity;

import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Fuzzy matching of names and addresses: records in the same block (equal {@code block} attributes) whose
 * {@code exact} attributes are equal match when the mean of the name similarity and the address similarity
 * (Jaro-Winkler, 0..1) reaches {@code threshold}. The name similarity also tries first and last name swapped.
 * Blocks larger than {@code maxBlock} records are compared with their first {@code maxBlock} only.
 *
 * @param threshold between 0 and 1, e.g. 0.9
 * @param block attributes that must be equal for two records to be compared at all, e.g. {@code postcode}
 * @param firstName the first-name attribute
 * @param lastName the last-name attribute
 * @param address address attributes compared by similarity, e.g. {@code street}, {@code city}
 * @param exact attributes that must be equal, e.g. {@code birth_date}
 * @param maxBlock the most records a new record is compared with
 */
public record FuzzyRule(
    double threshold,
    List<String> block,
    String firstName,
    String lastName,
    List<String> address,
    List<String> exact,
    int maxBlock) {
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  public FuzzyRule {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("fuzzy threshold must be in (0, 1], not " + threshold);
    }
    if (block.isEmpty()) {
      throw new IllegalArgumentException("fuzzy matching needs at least one block attribute (e.g. postcode)");
    }
    if (maxBlock < 1) {
      throw new IllegalArgumentException("fuzzy maxBlock must be at least 1, not " + maxBlock);
    }
    block = List.copyOf(block);
    address = List.copyOf(address);
    exact = List.copyOf(exact);
  }

  /** Defaults: threshold 0.9, block on postcode, first_name/last_name, street and city, birth_date exact. */
  public static FuzzyRule defaults() {
    return new FuzzyRule(0.9, List.of("postcode"), "first_name", "last_name", List.of("street", "city"),
        List.of("birth_date"), 200);
  }

  /** This rule with another threshold. */
  public FuzzyRule withThreshold(double t) {
    return new FuzzyRule(t, block, firstName, lastName, address, exact, maxBlock);
  }

  /** The block key, or null when a block attribute is missing. */
  String blockKey(ResolvedRecord r) {
    StringBuilder sb = new StringBuilder();
    for (String a : block) {
      String v = r.attribute(a);
      if (v == null) {
        return null;
      }
      sb.append(v).append('|');
    }
    return sb.toString();
  }

  /** The similarity of two records in one block, or -1 when an exact attribute differs or is missing. */
  double score(ResolvedRecord a, ResolvedRecord b) {
    for (String e : exact) {
      String va = a.attribute(e);
      if (va == null || !va.equals(b.attribute(e))) {
        return -1;
      }
    }
    double name = nameSimilarity(a, b);
    double addr = 0;
    int n = 0;
    for (String f : address) {
      String va = a.attribute(f);
      String vb = b.attribute(f);
      if (va != null && vb != null) {
        addr += JARO_WINKLER.apply(va, vb);
        n++;
      }
    }
    return n == 0 ? name : (name + addr / n) / 2;
  }

  private double nameSimilarity(ResolvedRecord a, ResolvedRecord b) {
    String fa = text(a, firstName);
    String la = text(a, lastName);
    String fb = text(b, firstName);
    String lb = text(b, lastName);
    double straight = (JARO_WINKLER.apply(fa, fb) + JARO_WINKLER.apply(la, lb)) / 2;
    double swapped = (JARO_WINKLER.apply(fa, lb) + JARO_WINKLER.apply(la, fb)) / 2;
    return Math.max(straight, swapped);
  }

  private static String text(ResolvedRecord r, String attribute) {
    String v = r.attribute(attribute);
    return v == null ? "" : v;
  }

  /** The evidence of a fuzzy match, e.g. {@code name+address similarity 0.94 >= 0.90}. */
  String evidence(double score) {
    return String.format(Locale.ROOT, "name+address similarity %.3f >= %.3f within %s", score, threshold,
        String.join("+", block));
  }
}
