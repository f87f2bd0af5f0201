package io.cairn.platform.audit;

import io.cairn.catalog.policy.AuditCheckpoint;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.catalog.policy.AuditQuery;
import io.cairn.governance.audit.AuditExports;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.audit.Evidence;
import io.cairn.governance.audit.EvidenceReport;
import io.cairn.governance.audit.Verification;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/v1/audit}: compliance (and admins) read the audit chain, verify it and export evidence for a
 * period as CSV, JSON or PDF. Every export is itself appended to the chain before it is produced.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMPLIANCE)
public final class AuditResource {
  static final int MAX_EXPORT = 100_000;
  private final AuditLog audit;

  public AuditResource(AuditLog audit) {
    this.audit = audit;
  }

  @GET
  public List<AuditEntry> find(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("target") String target,
      @QueryParam("outcome") String outcome, @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw ApiException.badRequest("offset must be >= 0 and limit 1..1000");
    }
    return audit.find(new AuditQuery(time("from", from), time("to", to), blank(actor), blank(action),
        blank(target), blank(outcome)), offset, limit);
  }

  @GET
  @Path("/verify")
  public Verification verify() {
    return audit.verify();
  }

  @GET
  @Path("/checkpoints")
  public List<AuditCheckpoint> checkpoints() {
    return audit.checkpoints();
  }

  /** Signs a checkpoint at the current end of the chain now (they are also signed every N entries). */
  @POST
  @Path("/checkpoints")
  public Map<String, Object> checkpoint() {
    return audit.checkpoint().<Map<String, Object>>map(c -> Map.of("signed", true, "seq", c.seq()))
        .orElse(Map.of("signed", false));
  }

  @GET
  @Path("/export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/pdf"})
  public Response export(@Auth CairnPrincipal who, @QueryParam("format") @DefaultValue("json") String format,
      @QueryParam("from") String from, @QueryParam("to") String to) {
    String f = format.toLowerCase(Locale.ROOT);
    String type = switch (f) {
      case "csv" -> "text/csv";
      case "json" -> MediaType.APPLICATION_JSON;
      case "pdf" -> "application/pdf";
      default -> throw ApiException.badRequest("format must be csv, json or pdf");
    };
    OffsetDateTime start = time("from", from);
    OffsetDateTime end = time("to", to);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("format", f);
    details.put("from", from);
    details.put("to", to);
    audit.record(who.username(), "audit.export", "audit", "ok", details);
    List<AuditEntry> entries = audit.find(new AuditQuery(start, end, null, null, null, null), 0, MAX_EXPORT + 1);
    if (entries.size() > MAX_EXPORT) {
      throw ApiException.badRequest("more than " + MAX_EXPORT + " entries in the period: give a shorter period");
    }
    Evidence ev = new Evidence(start, end, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
        who.username(), audit.verify(), audit.checkpoints(), entries);
    StreamingOutput body = switch (f) {
      case "csv" -> out -> AuditExports.csv(entries, out);
      case "pdf" -> out -> EvidenceReport.write(ev, out);
      default -> out -> AuditExports.json(ev, out);
    };
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"cairn-audit-evidence." + f + "\"").build();
  }

  /** An ISO instant ({@code 2026-05-01T00:00:00Z}) or date ({@code 2026-05-01}, midnight UTC); null when absent. */
  static OffsetDateTime time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
          : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date (2026-05-01) or an ISO instant (2026-05-01T12:00:00Z), not '"
          + value + "'");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
