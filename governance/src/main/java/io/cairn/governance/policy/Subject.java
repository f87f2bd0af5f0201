package io.cairn.governance.policy;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks: a user or a flow's run-as principal, with the groups Ranger policies may name (Cairn's roles).
 */
public record Subject(String user, Set<String> groups) {
  public Subject {
    Objects.requireNonNull(user, "user");
    groups = Set.copyOf(groups == null ? Set.of() : groups);
  }

  public static Subject of(String user, String... groups) {
    return new Subject(user, Set.of(groups));
  }
}
