package io.cairn.governance.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.consent.ConsentEventEntry;
import io.cairn.catalog.consent.ConsentRepository;
import io.cairn.catalog.consent.ConsentRepository.SuppressedIdentifier;
import io.cairn.catalog.consent.NewConsentEvent;
import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.catalog.consent.SuppressionEntry;
import io.cairn.spi.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Records consent (REST, CSV import, TC strings, GPC and event context) as append-only history, keeps the
 * suppression list, and applies every local write to the in-memory {@link ConsentIndex} at once (other nodes
 * pick it up through their {@link ConsentRefresher}). Thread-safe.
 */
public final class ConsentService implements ConsentCapture {
  /** The suppression reason of an erased subject: nothing about them may flow again. */
  public static final String ERASED = "erased";
  /** The purposes a GPC signal opts out of. */
  public static final List<String> GPC_PURPOSES = List.of("sale_share", "advertising");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsentRepository repository;
  private final ConsentIndex index;
  private final TcfMapping tcfMapping;
  private final Clock clock;

  public ConsentService(ConsentRepository repository, ConsentIndex index, TcfMapping tcfMapping, Clock clock) {
    this.repository = repository;
    this.index = index;
    this.tcfMapping = tcfMapping;
    this.clock = clock;
  }

  /** The id of the subject and of the event recorded. */
  public record Recorded(long subjectId, long eventId) {}

  /** The subject a TC string was recorded for, and what it said. */
  public record TcfRecorded(long subjectId, TcfConsent decoded) {}

  // ---- purposes

  /** Adds the purposes that are not in the catalog yet (the configured defaults, at start). */
  public void seed(List<PurposeEntry> defaults) {
    for (PurposeEntry p : defaults) {
      repository.addPurpose(validated(p), "system");
    }
    index.purposes(repository.purposes());
  }

  public List<PurposeEntry> purposes() {
    return repository.purposes();
  }

  /**
   * Adds a purpose.
   *
   * @return false when one of that name exists
   * @throws IllegalArgumentException when the name, basis or unknown-subject default is not valid
   */
  public boolean addPurpose(PurposeEntry purpose, String by) {
    PurposeEntry p = validated(purpose);
    if (repository.purposes().size() >= ConsentIndex.MAX_PURPOSES) {
      throw new IllegalArgumentException("at most " + ConsentIndex.MAX_PURPOSES + " purposes are supported");
    }
    boolean added = repository.addPurpose(p, by);
    index.purposes(repository.purposes());
    return added;
  }

  private static PurposeEntry validated(PurposeEntry p) {
    new Purpose(p.name());
    String basis = LawfulBasis.parse(p.defaultBasis()).term();
    String unknown = p.unknownSubject() == null || p.unknownSubject().isBlank()
        ? basis.equals(LawfulBasis.CONSENT.term()) ? "deny" : "allow"
        : p.unknownSubject().trim().toLowerCase(Locale.ROOT);
    if (!unknown.equals("deny") && !unknown.equals("allow")) {
      throw new IllegalArgumentException("unknownSubject must be 'deny' or 'allow', not '" + p.unknownSubject() + "'");
    }
    String description = p.description() == null ? null : p.description().strip();
    if (description != null && description.length() > 1024) {
      throw new IllegalArgumentException("a purpose's description has at most 1024 characters");
    }
    return new PurposeEntry(p.name(), description, basis, unknown);
  }

  private void requirePurpose(String purpose) {
    if (index.bit(purpose) < 0 && repository.purposes().stream().noneMatch(p -> p.name().equals(purpose))) {
      throw new IllegalArgumentException("unknown purpose '" + purpose + "': the purposes are "
          + repository.purposes().stream().map(PurposeEntry::name).collect(Collectors.joining(", ")));
    }
  }

  // ---- recording

  /**
   * Records one statement.
   *
   * @throws IllegalArgumentException on an unknown purpose or no identifier
   */
  public Recorded record(ConsentRecord r, String by) {
    requirePurpose(r.purpose());
    long subject = resolve(r.identifiers());
    ConsentEventEntry e = append(subject, r.purpose(), r.status(), r.lawfulBasis(), r.source(), r.noticeVersion(),
        r.at(), by, null);
    return new Recorded(subject, e.id());
  }

  /**
   * Decodes a TC string and records what it says about the mapped purposes (vendor consents kept in each
   * event's details).
   *
   * @throws IllegalArgumentException when the string is malformed or there is no identifier
   */
  public TcfRecorded recordTcf(List<SubjectIdentifier> identifiers, String tcString, String noticeVersion, Instant at,
      String by) {
    TcfConsent tc = TcfDecoder.decode(tcString);
    long subject = resolve(identifiers);
    recordTcf(subject, tc, noticeVersion == null ? "cmp:" + tc.cmpId() + ":" + tc.cmpVersion() : noticeVersion, at,
        by, false, java.util.Set.of());
    return new TcfRecorded(subject, tc);
  }

  private void recordTcf(long subject, TcfConsent tc, String notice, Instant at, String by, boolean onlyChanges,
      java.util.Set<String> skip) {
    String details = json(Map.of("tcf", Map.of("cmpId", tc.cmpId(), "cmpVersion", tc.cmpVersion(),
        "policyVersion", tc.policyVersion(), "purposeConsents", tc.purposeConsents(),
        "legitimateInterests", tc.legitimateInterests(), "vendorConsents", tc.vendorConsents(),
        "vendorLegitimateInterests", tc.vendorLegitimateInterests())));
    tcfMapping.apply(tc).forEach((purpose, d) -> {
      boolean unchanged = onlyChanges && index.status(subject, purpose) == d.status();
      if (index.bit(purpose) >= 0 && !skip.contains(purpose) && !unchanged) {
        append(subject, purpose, d.status(), d.basis(), ConsentSource.TCF, notice, at, by, details);
      }
    });
  }

  /**
   * Records what a collected event carried. Statements equal to the subject's current state are not recorded
   * again (every page view of a GPC browser would otherwise add history); with GPC, the opt-out wins over what
   * a TC string says about the same purposes.
   */
  @Override
  public void capture(ConsentSignal signal) {
    if (signal.isEmpty()) {
      return;
    }
    validate(signal);
    TcfConsent tc = signal.tcString() == null ? null : TcfDecoder.decode(signal.tcString());
    List<SubjectIdentifier> ids = identifiers(signal);
    long subject = resolve(ids);
    String by = "collector";
    if (tc != null) {
      recordTcf(subject, tc, signal.noticeVersion() != null ? signal.noticeVersion()
          : "cmp:" + tc.cmpId() + ":" + tc.cmpVersion(), signal.receivedAt(), by, true,
          signal.gpc() ? java.util.Set.copyOf(GPC_PURPOSES) : java.util.Set.of());
    }
    if (signal.gpc()) {
      for (String p : GPC_PURPOSES) {
        if (index.bit(p) >= 0 && index.status(subject, p) != ConsentStatus.WITHDRAWN) {
          append(subject, p, ConsentStatus.WITHDRAWN, LawfulBasis.CONSENT, ConsentSource.GPC, signal.noticeVersion(),
              signal.receivedAt(), by, "{\"gpc\":true}");
        }
      }
    }
    signal.purposes().forEach((p, granted) -> {
      ConsentStatus s = Boolean.TRUE.equals(granted) ? ConsentStatus.GRANTED : ConsentStatus.DENIED;
      if (index.status(subject, p) != s) {
        append(subject, p, s, LawfulBasis.CONSENT, ConsentSource.EVENT, signal.noticeVersion(), signal.receivedAt(),
            by, null);
      }
    });
  }

  /** Refuses a signal with an unknown purpose, a malformed TC string or no identifier; records nothing. */
  @Override
  public void validate(ConsentSignal signal) {
    if (signal.isEmpty()) {
      return;
    }
    signal.purposes().keySet().forEach(this::requirePurpose);
    if (signal.tcString() != null) {
      TcfDecoder.decode(signal.tcString());
    }
    if (identifiers(signal).isEmpty()) {
      throw new IllegalArgumentException("the event carries consent but no identifier to record it for");
    }
  }

  private static List<SubjectIdentifier> identifiers(ConsentSignal signal) {
    return signal.identifiers().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .map(e -> new SubjectIdentifier(snake(e.getKey()), e.getValue())).toList();
  }

  /** {@code userId} -> {@code user_id}. */
  private static String snake(String kind) {
    return kind.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /**
   * Puts a subject on the suppression list for a purpose (null: every purpose); reason {@link #ERASED} marks
   * the subject erased. For erasure requests and manual suppression.
   */
  public long suppress(List<SubjectIdentifier> identifiers, String purpose, String reason, String by) {
    if (purpose != null) {
      requirePurpose(purpose);
    }
    long subject = resolve(identifiers);
    SuppressionEntry s = repository.suppress(subject, purpose, reason, by);
    index.suppress(ConsentRefresher.subject(s.subjectId()), purpose, ERASED.equals(reason));
    return subject;
  }

  private long resolve(List<SubjectIdentifier> identifiers) {
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("at least one identifier is needed");
    }
    List<ConsentRepository.Identifier> ids = identifiers.stream().map(i -> {
      String value = Identifiers.normalise(i.value());
      return new ConsentRepository.Identifier(i.type(), value, Identifiers.hash(value));
    }).distinct().toList();
    long subject = repository.resolve(ids);
    int s = ConsentRefresher.subject(subject);
    ids.forEach(i -> index.identifier(Identifiers.key(i.value()), s));
    return subject;
  }

  private ConsentEventEntry append(long subject, String purpose, ConsentStatus status, LawfulBasis basis,
      ConsentSource source, String notice, Instant at, String by, String details) {
    if (notice != null && notice.length() > 128) {
      throw new IllegalArgumentException("noticeVersion has at most 128 characters");
    }
    Instant when = at == null ? clock.instant() : at;
    if (when.isAfter(clock.instant().plusSeconds(300))) {
      throw new IllegalArgumentException("'at' is in the future: " + when);
    }
    ConsentEventEntry e = repository.append(new NewConsentEvent(subject, purpose, status.term(), basis.term(),
        source.term(), notice, when.atOffset(ZoneOffset.UTC), by, details));
    if (e.effective()) {
      index.state(ConsentRefresher.subject(subject), purpose, status);
    }
    return e;
  }

  // ---- reading

  /** The subject an identifier belongs to, with its state, history and suppressions. */
  public Optional<SubjectView> subject(String identifier) {
    return repository.subjectOf(Identifiers.hash(identifier)).map(this::view);
  }

  private SubjectView view(long subject) {
    List<ConsentEventEntry> history = repository.history(subject);
    List<SuppressionEntry> suppressions = repository.suppressionsOf(subject);
    boolean erased = suppressions.stream().anyMatch(s -> ERASED.equals(s.reason()));
    Map<String, ConsentEventEntry> latest = new LinkedHashMap<>();
    history.stream().filter(ConsentEventEntry::effective).forEach(e -> latest.merge(e.purpose(), e,
        (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? a : b));
    List<SubjectView.PurposeState> states = new ArrayList<>();
    latest.values().forEach(e -> {
      boolean suppressed = erased || suppressions.stream()
          .anyMatch(s -> s.purpose() == null || s.purpose().equals(e.purpose()));
      states.add(new SubjectView.PurposeState(e.purpose(), e.status(), e.lawfulBasis(), e.source(), e.noticeVersion(),
          e.occurredAt(), !suppressed && ConsentStatus.GRANTED.term().equals(e.status())));
    });
    return new SubjectView(subject,
        repository.identifiersOf(subject).stream().map(i -> new SubjectIdentifier(i.type(), i.value())).toList(),
        states,
        history.stream().map(e -> new SubjectView.Event(e.occurredAt(), e.purpose(), e.status(), e.lawfulBasis(),
            e.source(), e.noticeVersion(), e.recordedBy())).toList(),
        suppressions.stream().map(s -> new SubjectView.Suppression(s.purpose(), s.reason(), s.createdAt())).toList());
  }

  /**
   * The suppression list for a purpose as identifier hashes: explicit suppressions (erasure, manual) and
   * subjects whose current state for the purpose is withdrawn (a withdrawal, a GPC opt-out).
   */
  public List<SuppressedIdentifier> suppressions(String purpose, int offset, int limit) {
    requirePurpose(purpose);
    return repository.suppressedIdentifiers(purpose, offset, limit);
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
