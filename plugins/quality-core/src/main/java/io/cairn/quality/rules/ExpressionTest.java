package io.cairn.quality.rules;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * A boolean expression over the row's columns in Apache Commons JEXL ({@code age >= 18 && country == 'FR'}):
 * the row passes when it evaluates to true. JEXL runs with its RESTRICTED permissions, so an expression
 * cannot reach the class loader, files, threads or reflection; strict mode makes an unknown column an error.
 */
final class ExpressionTest implements RowTest {
  private static final JexlEngine JEXL = new JexlBuilder().permissions(JexlPermissions.RESTRICTED)
      .strict(true).silent(false).safe(false).cache(512).create();

  private final String text;
  private final JexlExpression expression;
  private String[] names;
  private String lastError;

  ExpressionTest(String text) {
    this.text = text;
    this.expression = JEXL.createExpression(text);
  }

  /** Parses the expression; the problem text when it does not parse, else null. */
  static String problem(String text) {
    try {
      JEXL.createExpression(text);
      return null;
    } catch (JexlException e) {
      return "expression '" + text + "' does not parse: " + e.getMessage();
    }
  }

  @Override
  public void prepare(Pass pass) {
    names = pass.columns.toArray(String[]::new);
  }

  @Override
  public boolean passes(Pass.Rec row) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      vars.put(names[i], row.values()[i]);
    }
    try {
      lastError = null;
      return Boolean.TRUE.equals(expression.evaluate(new MapContext(vars)));
    } catch (JexlException e) {
      lastError = e.getMessage();
      return false;
    }
  }

  @Override
  public int column() {
    return -1;
  }

  @Override
  public String failure(Pass.Rec row) {
    return lastError != null ? "expression '" + text + "' could not be evaluated: " + lastError
        : "expression '" + text + "' is false";
  }
}
