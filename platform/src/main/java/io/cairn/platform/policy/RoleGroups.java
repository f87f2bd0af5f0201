package io.cairn.platform.policy;

import io.cairn.catalog.Role;
import io.cairn.catalog.UserRepository;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The groups policies see for a principal: its Cairn roles ({@code engineer}, ...); none for an unknown one. */
public final class RoleGroups implements Function<String, Set<String>> {
  private final UserRepository users;

  public RoleGroups(UserRepository users) {
    this.users = users;
  }

  @Override
  public Set<String> apply(String username) {
    return users.find(username).map(u -> u.roles().stream().map(Role::id).collect(Collectors.toSet()))
        .orElse(Set.of());
  }
}
