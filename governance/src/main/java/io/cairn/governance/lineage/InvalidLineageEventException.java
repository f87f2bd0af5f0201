package io.cairn.governance.lineage;

import java.util.List;

/** An event that is not valid OpenLineage 2-0-2 or that Cairn cannot store; carries every reason. */
public final class InvalidLineageEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public InvalidLineageEventException(List<String> problems) {
    super("invalid OpenLineage event: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
