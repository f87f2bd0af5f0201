package io.cairn.platform.profiles;

import io.cairn.catalog.identity.IdentityGraphRepository;
import io.cairn.catalog.segments.ExportEntry;
import io.cairn.catalog.segments.SegmentEntry;
import io.cairn.catalog.segments.SegmentRepository;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.consent.ConsentGate;
import io.cairn.governance.masking.Digests;
import io.cairn.governance.masking.Normalise;
import io.cairn.spi.Purpose;
import io.cairn.spi.data.DatasetRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Activation exports: a segment's members as the SHA-256 of their normalised email and E.164 phone, in CSV
 * (written under the Cairn home) or posted to a webhook as JSON, the formats ad and email platforms take for
 * customer lists. Only members the consent gate permits for the export's purpose are sent; the rest are
 * counted as suppressed. Every export is recorded in the catalog, in lineage (segment -> export) and in the
 * audit chain. Thread-safe.
 */
public final class ActivationExports {
  private static final Set<Purpose> PURPOSES = Set.of(Purpose.ADVERTISING, Purpose.EMAIL_MARKETING);

  private final SegmentRepository segments;
  private final IdentityGraphRepository graphs;
  private final ConsentGate consent;
  private final GovernanceHook lineage;
  private final AuditLog audit;
  private final Path folder;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public ActivationExports(SegmentRepository segments, IdentityGraphRepository graphs, ConsentGate consent,
      GovernanceHook lineage, AuditLog audit, Path folder) {
    this.segments = segments;
    this.graphs = graphs;
    this.consent = consent;
    this.lineage = lineage;
    this.audit = audit;
    this.folder = folder;
  }

  /** One member as sent: hashes of the normalised email and phone (either may be null). */
  record Hashed(String emailSha256, String phoneSha256) {}

  /**
   * Exports a segment now.
   *
   * @throws IllegalArgumentException for an unknown segment, format or purpose, a webhook without an http(s)
   *     URL, or a segment without an identity graph
   */
  ExportEntry export(String segmentName, String format, String purposeName, String url, String by) {
    SegmentEntry segment = segments.find(segmentName)
        .orElseThrow(() -> new IllegalArgumentException("no segment '" + segmentName + "'"));
    Purpose purpose = new Purpose(purposeName == null ? "" : purposeName);
    if (!PURPOSES.contains(purpose)) {
      throw new IllegalArgumentException("purpose must be advertising or email_marketing, not '" + purposeName + "'");
    }
    if (!"csv".equals(format) && !"webhook".equals(format)) {
      throw new IllegalArgumentException("format must be csv or webhook, not '" + format + "'");
    }
    URI target = "webhook".equals(format) ? webhook(url) : null;
    if (segment.graph() == null) {
      throw new IllegalArgumentException("segment '" + segmentName + "' has no identity graph to take identifiers from");
    }
    List<Hashed> rows = new ArrayList<>();
    int suppressed = 0;
    for (String profile : new TreeSet<>(segments.members(segmentName))) {
      Map<String, List<String>> ids = graphs.identifiers(segment.graph(), profile);
      if (permitted(profile, ids, purpose)) {
        Hashed h = hashed(ids);
        if (h.emailSha256() != null || h.phoneSha256() != null) {
          rows.add(h);
          continue;
        }
      }
      suppressed++;
    }
    String id = UUID.randomUUID().toString();
    String status;
    String manifest;
    DatasetRef output;
    if (target == null) {
      Path file = folder.resolve(segmentName).resolve(id + ".csv");
      byte[] csv = csv(rows);
      write(file, csv);
      status = "DONE";
      manifest = file.toUri() + " sha256=" + hex(Digests.sha256(csv)) + " rows=" + rows.size();
      output = new DatasetRef("file", file.toString());
    } else {
      byte[] body = json(segmentName, purpose, rows);
      status = post(target, body) ? "DONE" : "FAILED";
      manifest = target + " sha256=" + hex(Digests.sha256(body)) + " rows=" + rows.size();
      output = new DatasetRef(target.getScheme() + "://" + target.getAuthority(),
          target.getPath() == null || target.getPath().isEmpty() ? "/" : target.getPath());
    }
    ExportEntry entry = new ExportEntry(id, segmentName, format, purpose.name(), status, rows.size(), suppressed,
        manifest, by, SegmentRepository.now());
    segments.recordExport(entry);
    RunScope run = new RunScope("activation-export." + segmentName, id, by);
    lineage.onRunStart(run);
    lineage.onEndpoint(run, new DatasetRef("segment://" + segment.graph(), segmentName), GovernanceHook.Direction.INPUT);
    lineage.onEndpoint(run, output, GovernanceHook.Direction.OUTPUT);
    lineage.onRunEnd(run, "DONE".equals(status) ? "SUCCEEDED" : "FAILED", null);
    audit.record(by, "segments.export", "segment:" + segmentName, status.toLowerCase(java.util.Locale.ROOT),
        Map.of("format", format, "purpose", purpose.name(), "rows", rows.size(), "suppressed", suppressed));
    return entry;
  }

  /**
   * A member is sent when at least one of its identifiers (raw or normalised) or its profile id is allowed for
   * the purpose and none is withdrawn, suppressed or erased.
   */
  private boolean permitted(String profile, Map<String, List<String>> ids, Purpose purpose) {
    Set<String> all = new java.util.LinkedHashSet<>(List.of(profile));
    ids.forEach((type, values) -> values.forEach(raw -> {
      all.add(raw);
      switch (type) {
        case "email" -> Normalise.email(raw).ifPresent(all::add);
        case "phone" -> Normalise.phone(raw, "US").ifPresent(all::add);
        default -> { }
      }
    }));
    boolean allowed = false;
    for (String identifier : all) {
      ConsentGate.Verdict v = consent.check(identifier, purpose);
      switch (v) {
        case ALLOW -> allowed = true;
        case WITHDRAWN, SUPPRESSED, ERASED -> {
          return false;
        }
        default -> { }
      }
    }
    return allowed;
  }

  private static Hashed hashed(Map<String, List<String>> ids) {
    String email = ids.getOrDefault("email", List.of()).stream().map(Normalise::email)
        .flatMap(java.util.Optional::stream).findFirst().orElse(null);
    String phone = ids.getOrDefault("phone", List.of()).stream().map(p -> Normalise.phone(p, "US"))
        .flatMap(java.util.Optional::stream).findFirst().orElse(null);
    return new Hashed(email == null ? null : Digests.sha256Hex(email), phone == null ? null : Digests.sha256Hex(phone));
  }

  private static byte[] csv(List<Hashed> rows) {
    StringBuilder sb = new StringBuilder("email_sha256,phone_sha256\n");
    for (Hashed h : rows) {
      sb.append(h.emailSha256() == null ? "" : h.emailSha256()).append(',')
          .append(h.phoneSha256() == null ? "" : h.phoneSha256()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(String segment, Purpose purpose, List<Hashed> rows) {
    StringBuilder sb = new StringBuilder("{\"segment\":\"").append(segment.replace("\"", "")).append("\",\"purpose\":\"")
        .append(purpose.name()).append("\",\"members\":[");
    for (int i = 0; i < rows.size(); i++) {
      Hashed h = rows.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"email_sha256\":").append(quoted(h.emailSha256()))
          .append(",\"phone_sha256\":").append(quoted(h.phoneSha256())).append('}');
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String hex) {
    return hex == null ? "null" : "\"" + hex + "\"";
  }

  private static URI webhook(String url) {
    URI uri;
    try {
      uri = url == null ? null : URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("a webhook export needs an http or https 'url', not '" + url + "'");
    }
    return uri;
  }

  private boolean post(URI target, byte[] body) {
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not write the export " + file, e);
    }
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
