package io.cairn.governance.erasure;

import io.cairn.governance.consent.ConsentService;
import io.cairn.governance.consent.SubjectIdentifier;
import io.cairn.governance.consent.SubjectView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What consent knows about a person, for requests: every identifier of the consent subject any given
 * identifier belongs to (so an erasure by email also reaches the rows keyed by the customer id the person gave
 * consent with), and the person's consent state and history for access bundles.
 */
public final class ConsentSubjects implements IdentifierResolver, SubjectInfoSource {
  private final ConsentService consent;

  public ConsentSubjects(ConsentService consent) {
    this.consent = consent;
  }

  @Override
  public Set<Identifier> resolve(List<Identifier> given) {
    Set<Identifier> all = new LinkedHashSet<>(given);
    for (SubjectView subject : subjects(given)) {
      for (SubjectIdentifier i : subject.identifiers()) {
        all.add(new Identifier(i.type(), i.value()));
      }
    }
    return all;
  }

  @Override
  public String name() {
    return "consent";
  }

  @Override
  public Map<String, Object> describe(Set<Identifier> identifiers) {
    List<SubjectView> subjects = subjects(List.copyOf(identifiers));
    if (subjects.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subjects", subjects.stream().map(s -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("identifiers", s.identifiers());
      one.put("purposes", s.purposes());
      one.put("history", s.history());
      one.put("suppressions", s.suppressions());
      return one;
    }).toList());
    return out;
  }

  private List<SubjectView> subjects(List<Identifier> given) {
    Map<Long, SubjectView> found = new LinkedHashMap<>();
    for (Identifier i : given) {
      Optional<SubjectView> s = consent.subject(i.value());
      s.ifPresent(v -> found.putIfAbsent(v.subjectId(), v));
    }
    return new ArrayList<>(found.values());
  }
}
