package io.cairn.profiles.traits;

import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * Boolean expressions over traits in the JEXL language ({@code r >= 4 && f >= 4},
 * {@code monetary > 500 || lifecycle == 'new'}), sandboxed: strict (an unknown name is an error), no access
 * to Java classes beyond JEXL's restricted permissions. Thread-safe.
 */
public final class Expressions {
  private static final JexlEngine JEXL = new JexlBuilder()
      .permissions(JexlPermissions.RESTRICTED)
      .strict(true)
      .silent(false)
      .safe(false)
      .cache(512)
      .create();

  private Expressions() {}

  /** A compiled boolean expression. */
  public record Condition(String source, JexlExpression expression) {
    /**
     * Whether the traits satisfy the condition.
     *
     * @throws IllegalArgumentException when the expression names an unknown trait or does not give a boolean
     */
    public boolean test(Map<String, Object> traits) {
      Object v;
      try {
        v = expression.evaluate(new MapContext(new java.util.HashMap<>(traits)));
      } catch (JexlException e) {
        throw new IllegalArgumentException("expression '" + source + "' failed: " + e.getMessage(), e);
      }
      if (!(v instanceof Boolean b)) {
        throw new IllegalArgumentException("expression '" + source + "' gives " + v + ", not true or false");
      }
      return b;
    }
  }

  /**
   * Compiles an expression.
   *
   * @throws IllegalArgumentException with JEXL's message when it does not parse
   */
  public static Condition compile(String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("empty expression");
    }
    try {
      return new Condition(source, JEXL.createExpression(source));
    } catch (JexlException e) {
      throw new IllegalArgumentException("expression '" + source + "' does not parse: " + e.getMessage(), e);
    }
  }
}
