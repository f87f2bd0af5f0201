package io.cairn.governance.erasure;

import io.cairn.catalog.identity.IdentityGraphRepository;
import io.cairn.catalog.identity.ProfileRef;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the identity graphs know about a person, for requests: every identifier of every profile that holds one
 * of the given identifiers (an erasure by e-mail also reaches the phone and device ids resolution linked to
 * it), and the profiles themselves for access bundles. Record ids are not identifiers of the person and are
 * never added.
 */
public final class IdentityGraphSubjects implements IdentifierResolver, SubjectInfoSource {
  private final IdentityGraphRepository graphs;

  public IdentityGraphSubjects(IdentityGraphRepository graphs) {
    this.graphs = graphs;
  }

  @Override
  public Set<Identifier> resolve(List<Identifier> given) {
    Set<Identifier> all = new LinkedHashSet<>(given);
    for (ProfileRef p : profiles(given)) {
      graphs.identifiers(p.graph(), p.profileId()).forEach((type, values) ->
          values.forEach(v -> all.add(new Identifier(type, v))));
    }
    return all;
  }

  @Override
  public String name() {
    return "profiles";
  }

  @Override
  public Map<String, Object> describe(Set<Identifier> identifiers) {
    Set<ProfileRef> found = profiles(List.copyOf(identifiers));
    if (found.isEmpty()) {
      return Map.of();
    }
    return Map.of("profiles", found.stream().map(p -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("graph", p.graph());
      one.put("profileId", p.profileId());
      one.put("identifiers", graphs.identifiers(p.graph(), p.profileId()));
      return one;
    }).toList());
  }

  private Set<ProfileRef> profiles(List<Identifier> given) {
    Set<ProfileRef> found = new LinkedHashSet<>();
    for (Identifier i : given) {
      found.addAll(graphs.profilesHolding(i.value()));
    }
    return found;
  }
}
