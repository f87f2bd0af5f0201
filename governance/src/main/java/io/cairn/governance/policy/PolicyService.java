package io.cairn.governance.policy;

import io.cairn.catalog.policy.PolicyRecord;
import io.cairn.catalog.policy.PolicyRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.util.JsonUtilsV2;

/**
 * Policies as users manage them: validated, stored in the catalog, and pushed to the engine on every change
 * (the engine is rebuilt: milliseconds for hundreds of policies). Thread-safe; changes are serialised.
 */
public final class PolicyService {
  private final PolicyRepository repository;
  private final PolicyEngine engine;
  private final PolicyValidator validator;

  /** A policy was refused; each problem is a sentence. */
  public static final class RejectedPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    RejectedPolicyException(List<String> problems) {
      super("the policy was refused: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  public PolicyService(PolicyRepository repository, PolicyEngine engine, PolicyValidator validator) {
    this.repository = repository;
    this.engine = engine;
    this.validator = validator;
  }

  /**
   * Stores the default policies (every user reads and writes every dataset and deploys every flow) when the
   * catalog has none, so that a new installation works until its policies are written; returns how many.
   */
  public synchronized int seedIfEmpty(String by) {
    if (!repository.list().isEmpty()) {
      return 0;
    }
    int n = 0;
    try (var in = PolicyService.class.getResourceAsStream("default-policies.json")) {
      for (var node : new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)) {
        create(node.toString(), by);
        n++;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the default policies", e);
    }
    return n;
  }

  /** Pushes the stored policies to the engine; call once at start. */
  public synchronized void load() {
    engine.update(all());
  }

  public List<RangerPolicy> all() {
    List<RangerPolicy> out = new ArrayList<>();
    for (PolicyRecord r : repository.list()) {
      out.add(parse(r.json()));
    }
    return out;
  }

  public Optional<RangerPolicy> find(long id) {
    return repository.find(id).map(r -> parse(r.json()));
  }

  /**
   * Validates and stores a new policy (its id is given by the catalog), then pushes the policies.
   *
   * @throws RejectedPolicyException listing what is wrong
   */
  public synchronized RangerPolicy create(String json, String by) {
    RangerPolicy p = checked(json);
    PolicyRecord r = repository.insert(p.getService(), p.getName(), id -> {
      p.setId(id);
      return write(p);
    }, by);
    engine.update(all());
    return parse(r.json());
  }

  /** Replaces a policy; empty when there is none with that id. */
  public synchronized Optional<RangerPolicy> update(long id, String json, String by) {
    RangerPolicy p = checked(json);
    Optional<RangerPolicy> existing = find(id);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (!existing.get().getService().equals(p.getService())) {
      throw new RejectedPolicyException(List.of("a policy cannot move from service '" + existing.get().getService()
          + "' to '" + p.getService() + "'"));
    }
    p.setId(id);
    repository.update(id, p.getName(), write(p), by);
    engine.update(all());
    return Optional.of(p);
  }

  public synchronized boolean delete(long id) {
    boolean deleted = repository.delete(id);
    if (deleted) {
      engine.update(all());
    }
    return deleted;
  }

  private RangerPolicy checked(String json) {
    RangerPolicy p;
    try {
      p = JsonUtilsV2.jsonToObj(json, RangerPolicy.class);
    } catch (IOException | RuntimeException e) {
      throw new RejectedPolicyException(List.of("the body is not a Ranger policy in JSON: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))));
    }
    if (p == null) {
      throw new RejectedPolicyException(List.of("send a Ranger policy in JSON"));
    }
    if (p.getIsEnabled() == null) {
      p.setIsEnabled(true);
    }
    List<String> problems = validator.problems(p);
    if (!problems.isEmpty()) {
      throw new RejectedPolicyException(problems);
    }
    return p;
  }

  public static String write(RangerPolicy p) {
    try {
      return JsonUtilsV2.objToJson(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a policy as JSON", e);
    }
  }

  static RangerPolicy parse(String json) {
    try {
      return JsonUtilsV2.jsonToObj(json, RangerPolicy.class);
    } catch (IOException e) {
      throw new IllegalStateException("a stored policy is not valid JSON: " + e.getMessage(), e);
    }
  }
}
