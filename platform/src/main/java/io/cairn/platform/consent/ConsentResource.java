package io.cairn.platform.consent;

import io.cairn.catalog.consent.ConsentRepository.SuppressedIdentifier;
import io.cairn.catalog.consent.PurposeEntry;
import io.cairn.governance.consent.ConsentCsvImport;
import io.cairn.governance.consent.ConsentRecord;
import io.cairn.governance.consent.ConsentService;
import io.cairn.governance.consent.ConsentSource;
import io.cairn.governance.consent.ConsentStatus;
import io.cairn.governance.consent.ImportResult;
import io.cairn.governance.consent.LawfulBasis;
import io.cairn.governance.consent.SubjectIdentifier;
import io.cairn.governance.consent.SubjectView;
import io.cairn.governance.consent.TcfConsent;
import io.cairn.governance.consent.TcfDecoder;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/consent}: purposes, recording consent (one statement, a TC string, a CSV file), decoding TC
 * strings, a subject's state and history, and the suppression list. Compliance and stewards read; compliance
 * records; admins add purposes (admins may do everything). Every change is audited by the audit filter.
 */
@Path("/api/v1/consent")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE, Roles.STEWARD})
public final class ConsentResource {
  private final ConsentService service;

  public ConsentResource(ConsentService service) {
    this.service = service;
  }

  /** An identifier as sent. */
  public record IdentifierBody(String type, String value) {}

  /** One statement as sent. */
  public record RecordBody(List<IdentifierBody> identifiers, String purpose, String status, String lawfulBasis,
      String source, String noticeVersion, String at) {}

  /** A TC string, with the identifiers of the subject it belongs to when it is to be recorded. */
  public record TcfBody(List<IdentifierBody> identifiers, String tcString, String noticeVersion, String at) {}

  @GET
  @Path("/purposes")
  public List<PurposeEntry> purposes() {
    return service.purposes();
  }

  @POST
  @Path("/purposes")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response addPurpose(@Auth CairnPrincipal who, PurposeEntry body) {
    PurposeEntry p = required(body, "a purpose");
    if (p.name() == null) {
      throw ApiException.badRequest("name is required");
    }
    if (!service.addPurpose(p, who.username())) {
      throw ApiException.conflict("purpose '" + p.name() + "' exists already (purposes are never changed)");
    }
    return Response.status(201).entity(service.purposes().stream().filter(x -> x.name().equals(p.name()))
        .findFirst().orElseThrow()).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.COMPLIANCE)
  public Response record(@Auth CairnPrincipal who, RecordBody body) {
    RecordBody b = required(body, "a consent statement");
    if (b.purpose() == null || b.purpose().isBlank()) {
      throw ApiException.badRequest("purpose is required");
    }
    ConsentRecord r = new ConsentRecord(identifiers(b.identifiers()), b.purpose().trim(),
        ConsentStatus.parse(b.status()), LawfulBasis.parse(b.lawfulBasis()),
        b.source() == null ? ConsentSource.API : ConsentSource.parse(b.source()), b.noticeVersion(), instant(b.at()));
    ConsentService.Recorded rec = service.record(r, who.username());
    return Response.status(201).entity(Map.of("subjectId", rec.subjectId(), "eventId", rec.eventId())).build();
  }

  @POST
  @Path("/tcf/decode")
  @Consumes(MediaType.APPLICATION_JSON)
  public TcfConsent decode(TcfBody body) {
    return TcfDecoder.decode(required(body, "a TC string").tcString());
  }

  @POST
  @Path("/tcf")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.COMPLIANCE)
  public Response recordTcf(@Auth CairnPrincipal who, TcfBody body) {
    TcfBody b = required(body, "a TC string and identifiers");
    TcfConsent tc = TcfDecoder.decode(b.tcString());
    ConsentService.TcfRecorded rec = service.recordTcf(identifiers(b.identifiers()), b.tcString(), b.noticeVersion(),
        instant(b.at()), who.username());
    return Response.status(201).entity(Map.of("subjectId", rec.subjectId(), "decoded", tc)).build();
  }

  @POST
  @Path("/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @RolesAllowed(Roles.COMPLIANCE)
  public ImportResult importCsv(@Auth CairnPrincipal who, InputStream csv) {
    return new ConsentCsvImport(service).run(new InputStreamReader(csv, StandardCharsets.UTF_8), who.username());
  }

  @GET
  @Path("/subjects")
  public SubjectView subject(@QueryParam("identifier") String identifier, @QueryParam("type") String type) {
    if (identifier == null || identifier.isBlank()) {
      throw ApiException.badRequest("identifier is required, e.g. ?identifier=ann@example.com");
    }
    return service.subject(identifier)
        .filter(v -> type == null || type.isBlank() || v.identifiers().stream().anyMatch(i -> i.type().equals(type)))
        .orElseThrow(() -> ApiException.notFound("no subject has this identifier"));
  }

  @GET
  @Path("/suppressions")
  public List<SuppressedIdentifier> suppressions(@QueryParam("purpose") String purpose,
      @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("10000") int limit) {
    if (purpose == null || purpose.isBlank()) {
      throw ApiException.badRequest("purpose is required, e.g. ?purpose=advertising");
    }
    if (offset < 0 || limit < 1 || limit > 100_000) {
      throw ApiException.badRequest("offset must be >= 0 and limit 1..100000");
    }
    return service.suppressions(purpose.trim(), offset, limit);
  }

  private static List<SubjectIdentifier> identifiers(List<IdentifierBody> ids) {
    if (ids == null || ids.isEmpty()) {
      throw ApiException.badRequest("identifiers are required, e.g. [{\"type\":\"email\",\"value\":\"a@b.c\"}]");
    }
    return ids.stream().map(i -> {
      if (i == null) {
        throw ApiException.badRequest("an identifier is null");
      }
      return new SubjectIdentifier(i.type(), i.value());
    }).toList();
  }

  private static Instant instant(String at) {
    if (at == null || at.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(at.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("'at' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not '" + at + "'");
    }
  }

  private static <T> T required(T body, String what) {
    if (body == null) {
      throw ApiException.badRequest("the body must be " + what + " as JSON");
    }
    return body;
  }
}
