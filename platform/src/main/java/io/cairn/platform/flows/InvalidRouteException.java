package io.cairn.platform.flows;

import java.util.List;

/** A route was refused before or while loading; carries every problem found. */
public final class InvalidRouteException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<RouteProblem> problems;

  public InvalidRouteException(String message, List<RouteProblem> problems) {
    super(message + (problems.isEmpty() ? "" : ": " + problems.get(0)));
    this.problems = List.copyOf(problems);
  }

  public List<RouteProblem> problems() {
    return problems;
  }
}
