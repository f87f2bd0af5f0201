package io.cairn.governance.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.erasure.DsarRepository;
import io.cairn.catalog.erasure.DsarRequestEntry;
import io.cairn.catalog.erasure.DsarStepEntry;
import io.cairn.catalog.erasure.ErasureDatasetEntry;
import io.cairn.catalog.erasure.ErasureRepository;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.governance.audit.AuditLog;
import io.cairn.spi.data.DatasetRef;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs erasure and access requests. A request is stored first ({@link #submit}: identifiers only as keyed
 * hashes and masked hints), then {@link #run} resolves the person's identifiers, finds the datasets holding
 * their rows and everything derived from them ({@link Reach}), and per dataset applies its policy (erasure) or
 * collects the rows (access). Erasure writes the tombstones before it touches any dataset, so flows running
 * meanwhile already drop the person. The proof (identifier hashes, per dataset what was found and done, what
 * was not reached and why) is appended to the audit chain; steps and status go to the catalog. Thread-safe.
 */
public final class ErasureService {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureService.class);
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final DsarRepository requests;
  private final ErasureRepository erasure;
  private final IdentifierResolver resolver;
  private final List<SubjectInfoSource> infoSources;
  private final SubjectHasher hasher;
  private final BundleCipher cipher;
  private final AuditLog audit;
  private final LineageQueries lineage;
  private final ErasureTargets targets;
  private final List<PersonRecords> ownStores;

  /**
   * @param ownStores Cairn's own stores that may hold records about a person (the quarantine), handled after
   *     the datasets
   */
  public ErasureService(DsarRepository requests, ErasureRepository erasure, LineageQueries lineage,
      ErasureTargets targets, IdentifierResolver resolver, List<SubjectInfoSource> infoSources,
      List<PersonRecords> ownStores, SubjectHasher hasher, BundleCipher cipher, AuditLog audit) {
    this.requests = requests;
    this.erasure = erasure;
    this.resolver = resolver;
    this.infoSources = List.copyOf(infoSources);
    this.hasher = hasher;
    this.cipher = cipher;
    this.audit = audit;
    this.lineage = lineage;
    this.targets = targets;
    this.ownStores = List.copyOf(ownStores);
  }

  /**
   * Stores a new request as {@code PENDING}.
   *
   * @throws IllegalArgumentException when there is no identifier
   */
  public DsarRequestEntry submit(DsarType type, List<Identifier> identifiers, String reason, String requestedBy) {
    if (identifiers == null || identifiers.isEmpty()) {
      throw new IllegalArgumentException("a request needs at least one identifier");
    }
    List<Map<String, String>> stored = identifiers.stream().map(i -> Map.of("type", i.type(), "hash",
        hasher.hash(i.value()), "hint", i.hint())).toList();
    return requests.create(UUID.randomUUID().toString(), type.code(), requestedBy,
        reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason, json(stored));
  }

  /** The outcome of a run: the audit entry with the proof, and the steps. */
  public record Outcome(long auditSeq, List<DsarStepEntry> steps, boolean complete) {}

  /**
   * Runs a stored request to its end (DONE, or FAILED when a dataset could not be handled: the steps say
   * which). Never throws for a dataset's failure; throws only when the catalog itself fails.
   */
  public Outcome run(String requestId, DsarType type, List<Identifier> identifiers, String requestedBy) {
    requests.markRunning(requestId);
    try (JdbcSessions sessions = new JdbcSessions()) {
      PersonData data = new PersonData(targets, sessions);
      Set<Identifier> resolved = resolver.resolve(identifiers);
      Set<String> values = new LinkedHashSet<>();
      resolved.forEach(i -> {
        values.add(i.value());
        values.add(Identifier.normalise(i.value()));
      });
      Set<String> hashes = new LinkedHashSet<>();
      resolved.forEach(i -> hashes.add(hasher.hash(i.value())));
      if (type == DsarType.ERASURE) {
        erasure.addTombstones(hashes, requestId);
      }
      Reach.Found found = new Reach(erasure, lineage, data).find(values);
      List<DsarStepEntry> steps = new ArrayList<>();
      List<Map<String, Object>> bundleData = new ArrayList<>();
      String pseudonym = "anon:" + hashes.stream().sorted().findFirst().orElseThrow().substring(0, 16);
      boolean complete = true;
      for (DatasetRef ref : found.datasets()) {
        DsarStepEntry step = act(data, type, ref, found, values, pseudonym, bundleData);
        complete &= !(step.action().equals("skipped") && step.detail() != null && isFailure(step.detail()));
        steps.add(step);
      }
      Map<String, Object> ownData = new LinkedHashMap<>();
      for (PersonRecords store : ownStores) {
        DsarStepEntry step = own(store, type, values, ownData);
        complete &= !(step.action().equals("skipped") && isFailure(step.detail()));
        steps.add(step);
      }
      requests.addSteps(requestId, steps);
      Map<String, Object> proof = new LinkedHashMap<>();
      proof.put("request", requestId);
      proof.put("type", type.code());
      proof.put("identifiers", identifiers.stream().map(i -> Map.of("type", i.type(), "hash",
          hasher.hash(i.value()))).toList());
      proof.put("resolvedIdentifiers", resolved.size());
      proof.put("tombstones", type == DsarType.ERASURE ? hashes.size() : 0);
      proof.put("datasets", steps.stream().map(ErasureService::stepJson).toList());
      AuditEntry entry = audit.record(requestedBy, "dsar." + type.code(), "dsar:" + requestId,
          complete ? "ok" : "incomplete", proof);
      if (type == DsarType.ACCESS) {
        String bundle = bundle(requestId, resolved, bundleData, ownData, steps);
        requests.finish(requestId, entry.seq(), cipher.encrypt(bundle));
      } else if (complete) {
        requests.finish(requestId, entry.seq(), null);
      }
      if (!complete) {
        requests.fail(requestId, "some datasets could not be handled: see the skipped steps", entry.seq());
      }
      LOG.info("dsar {} {}: {} datasets, proof in audit entry {}", type.code(), requestId, steps.size(),
          entry.seq());
      return new Outcome(entry.seq(), steps, complete);
    } catch (RuntimeException e) {
      LOG.warn("dsar {} {} failed: {}", type.code(), requestId, e.toString());
      AuditEntry entry = audit.record(requestedBy, "dsar." + type.code(), "dsar:" + requestId, "failed",
          Map.of("request", requestId, "error", String.valueOf(e.getMessage())));
      requests.fail(requestId, String.valueOf(e.getMessage()), entry.seq());
      throw e;
    }
  }

  private DsarStepEntry act(PersonData data, DsarType type, DatasetRef ref, Reach.Found found, Set<String> values, String pseudonym,
      List<Map<String, Object>> bundleData) {
    Optional<ErasureDatasetEntry> known = erasure.dataset(ref.namespace(), ref.name());
    if (known.isEmpty() || known.get().subjectColumn() == null) {
      return step(ref, "skipped", 0, "subject column unknown: no flow showed which column holds the subject id "
          + "(set it with PUT /api/v1/dsar/datasets)");
    }
    if (found.unreadable().containsKey(ref)) {
      return step(ref, "skipped", 0, found.unreadable().get(ref));
    }
    ErasureDatasetEntry d = known.get();
    try {
      if (type == DsarType.ACCESS) {
        List<Map<String, Object>> rows = data.rows(d, values);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("namespace", d.namespace());
        section.put("name", d.name());
        section.put("subjectColumn", d.subjectColumn());
        section.put("rows", rows);
        bundleData.add(section);
        return step(ref, "exported", rows.size(), "column " + d.subjectColumn());
      }
      return switch (ErasurePolicy.parse(d.policy())) {
        case DELETE -> step(ref, "deleted", data.delete(d, values), "by column " + d.subjectColumn());
        case ANONYMISE -> step(ref, "anonymised", data.anonymise(d, values, pseudonym), "mask " + d.maskSpec());
        case RETAIN -> step(ref, "skipped", found.seedRows().getOrDefault(ref, data.count(d, values)),
            "retained: " + d.reason());
      };
    } catch (Exception e) {
      return step(ref, "skipped", 0, PersonData.reason(e));
    }
  }

  /** Handles one of Cairn's own stores; an access request puts its records under the store's name in ownData. */
  private static DsarStepEntry own(PersonRecords store, DsarType type, Set<String> values,
      Map<String, Object> ownData) {
    try {
      if (type == DsarType.ACCESS) {
        List<Map<String, Object>> records = store.export(values);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("matchedBy", store.matchedBy());
        section.put("records", records);
        ownData.put(store.ref().name(), section);
        return step(store.ref(), "exported", records.size(), "by " + store.matchedBy());
      }
      return step(store.ref(), "deleted", store.erase(values), "by " + store.matchedBy());
    } catch (RuntimeException e) {
      return step(store.ref(), "skipped", 0, PersonData.reason(e));
    }
  }

  /** An action that went wrong (as opposed to a dataset left alone on purpose or out of reach). */
  private static boolean isFailure(String detail) {
    return detail.startsWith(PersonData.FAILED);
  }

  private static DsarStepEntry step(DatasetRef ref, String action, long rows, String detail) {
    return new DsarStepEntry(ref.namespace(), ref.name(), action, rows, detail);
  }

  static Map<String, Object> stepJson(DsarStepEntry s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", s.dataset());
    m.put("namespace", s.namespace());
    m.put("action", s.action());
    m.put("rows", s.rows());
    m.put("detail", s.detail());
    return m;
  }

  private String bundle(String requestId, Set<Identifier> resolved, List<Map<String, Object>> datasets,
      Map<String, Object> ownData, List<DsarStepEntry> steps) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("request", requestId);
    b.put("generatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
    b.put("identifiers", resolved.stream().map(i -> Map.of("type", i.type(), "value", i.value())).toList());
    b.put("datasets", datasets);
    b.putAll(ownData);
    b.put("notReached", steps.stream().filter(s -> s.action().equals("skipped")).map(ErasureService::stepJson)
        .toList());
    for (SubjectInfoSource source : infoSources) {
      try {
        b.put(source.name(), source.describe(resolved));
      } catch (RuntimeException e) {
        b.put(source.name(), Map.of("error", String.valueOf(e.getMessage())));
      }
    }
    return json(b);
  }

  /** The decrypted bundle of a finished access request. */
  public Optional<String> bundle(String requestId) {
    return requests.bundle(requestId).map(cipher::decrypt);
  }

  /** Records in the audit chain that someone downloaded an access bundle. */
  public void auditBundleRead(String actor, String requestId) {
    audit.record(actor, "dsar.bundle.read", "dsar:" + requestId, "ok", Map.of("request", requestId));
  }

  /**
   * Sets a dataset's subject column and erasure policy, and audits it.
   *
   * @throws IllegalArgumentException when the policy or its settings are not valid
   */
  public ErasureDatasetEntry setPolicy(DatasetRef dataset, String subjectColumn, String policy, String maskSpec,
      String reason, String actor) {
    ErasurePolicy p = ErasurePolicy.parse(policy);
    p.validate(maskSpec, reason);
    if (subjectColumn != null && (subjectColumn.isBlank() || subjectColumn.length() > 255)) {
      throw new IllegalArgumentException("subjectColumn must have 1 to 255 characters");
    }
    ErasureDatasetEntry e = erasure.setPolicy(dataset.namespace(), dataset.name(), subjectColumn, p.code(),
        p == ErasurePolicy.ANONYMISE ? maskSpec : null, reason, "user:" + actor);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subjectColumn", e.subjectColumn());
    details.put("policy", e.policy());
    details.put("maskSpec", e.maskSpec());
    details.put("reason", e.reason());
    audit.record(actor, "dsar.dataset.policy", dataset.namespace() + "/" + dataset.name(), "ok", details);
    return e;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
