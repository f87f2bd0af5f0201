package io.cairn.governance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.policy.AuditCheckpoint;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.catalog.policy.AuditQuery;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.keys.ManagedKey;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends to the audit chain and verifies it. Every {@code checkpointEvery} entries, the chain's hash is
 * signed with the audit key (HMAC-SHA-256): whoever rewrites entries and recomputes the hashes after them
 * still cannot forge the checkpoints. Thread-safe; the catalog serialises appends.
 */
public final class AuditLog {
  public static final String ALGORITHM = "HmacSHA256";
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final int MAX_DETAILS = 8000;

  private final AuditRepository repository;
  private final ManagedKey key;
  private final int checkpointEvery;

  /**
   * @param key the audit key that signs checkpoints
   * @param checkpointEvery sign a checkpoint after every this many entries (at least 1)
   */
  public AuditLog(AuditRepository repository, ManagedKey key, int checkpointEvery) {
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpointEvery must be at least 1");
    }
    this.repository = repository;
    this.key = key;
    this.checkpointEvery = checkpointEvery;
  }

  /**
   * Appends an entry.
   *
   * @param details a map written as JSON (never put secrets in it), or null
   */
  public AuditEntry record(String actor, String action, String target, String outcome, Map<String, ?> details) {
    return record(actor, action, target, outcome, details == null ? null : json(details));
  }

  /** Appends an entry with details as text (cut to 8,000 characters). */
  public AuditEntry record(String actor, String action, String target, String outcome, String details) {
    String d = details != null && details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
    AuditEntry draft = new AuditEntry(0, null, actor == null ? "anonymous" : cut(actor, 128), cut(action, 128),
        target == null ? null : cut(target, 1024), cut(outcome, 32), d, null, null);
    AuditEntry e = repository.append(draft, x -> x.withHash(AuditHashing.hash(x)));
    if (e.seq() % checkpointEvery == 0) {
      sign(e.seq(), e.hash());
    }
    return e;
  }

  /** Signs a checkpoint at the current head, unless there is one there already or the chain is empty. */
  public Optional<AuditCheckpoint> checkpoint() {
    AuditRepository.Head head = repository.head();
    if (head.seq() == 0 || repository.lastCheckpointSeq().filter(s -> s == head.seq()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(sign(head.seq(), head.hash()));
  }

  private AuditCheckpoint sign(long seq, String hash) {
    AuditCheckpoint c = new AuditCheckpoint(seq, hash,
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), ALGORITHM, key.fingerprint(),
        signature(seq, hash));
    repository.addCheckpoint(c);
    return c;
  }

  String signature(long seq, String hash) {
    return HexFormat.of().formatHex(key.hmac("audit-checkpoint", (seq + "|" + hash).getBytes(StandardCharsets.UTF_8)));
  }

  /** Walks the whole chain; see {@link ChainVerifier}. */
  public Verification verify() {
    return new ChainVerifier(repository, this::signature).verify();
  }

  public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
    return repository.find(query, offset, limit);
  }

  /** The signed checkpoints, oldest first. */
  public List<AuditCheckpoint> checkpoints() {
    return repository.checkpoints();
  }

  private static String json(Map<String, ?> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit details cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
