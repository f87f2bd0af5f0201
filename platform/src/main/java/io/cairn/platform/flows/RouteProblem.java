package io.cairn.platform.flows;

/**
 * A problem found in a route definition.
 *
 * @param path where in the document, e.g. {@code $[0].route.from}
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record RouteProblem(String path, int line, int column, String message) {
  @Override
  public String toString() {
    return (line > 0 ? "line " + line + ": " : "") + message;
  }
}
