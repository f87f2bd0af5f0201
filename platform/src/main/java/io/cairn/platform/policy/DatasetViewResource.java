package io.cairn.platform.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.DatasetEntry;
import io.cairn.catalog.DatasetRepository;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.policy.DatasetWriters;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.policy.PolicyEngine;
import io.cairn.governance.policy.ReadPlanner;
import io.cairn.platform.plugins.ExtensionRegistry;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import io.cairn.platform.api.ApiException;
import io.cairn.platform.auth.CairnPrincipal;
import io.cairn.platform.auth.Roles;
import io.cairn.spi.data.Row;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/datasets/{id}/preview} and {@code /export}: a dataset's rows with the caller's masks and
 * row filters, for every authenticated user; Ranger decides ({@code preview} and {@code export} access on the
 * dataset), and each call is audited. Answers 403 without the access, 404 for an unknown dataset, 409 when no
 * flow wrote the dataset through a connector that can read it back.
 */
@Path("/api/v1/datasets")
@RolesAllowed(Roles.VIEWER)
public final class DatasetViewResource {
  static final int MAX_PREVIEW = 1000;
  private static final int EXPORT_BATCH = 1000;

  private final DatasetViews views;
  private final ObjectMapper json;

  DatasetViewResource(DatasetViews views, ObjectMapper json) {
    this.views = views;
    this.json = json;
  }

  /** The resource with its service, reading datasets back through the connectors of the flows that wrote them. */
  public static DatasetViewResource create(DatasetRepository datasets, DatasetWriters writers, FlowRepository flows,
      ExtensionRegistry extensions, UnaryOperator<String> openDefinition, java.nio.file.Path workDir,
      PolicyEngine engine, ReadPlanner planner, Function<String, Set<String>> groupsOf, AuditLog audit,
      ObjectMapper json) {
    DatasetSampler sampler = new DatasetSampler(writers, flows, extensions, openDefinition, workDir);
    return new DatasetViewResource(new DatasetViews(datasets, sampler, engine, planner, groupsOf, audit), json);
  }

  @GET
  @Path("/{id}/preview")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> preview(@Auth CairnPrincipal who, @PathParam("id") long id,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > MAX_PREVIEW) {
      throw ApiException.badRequest("limit must be 1.." + MAX_PREVIEW + ": " + limit);
    }
    DatasetEntry d = dataset(id);
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", List.of());
    out.put("rows", rows);
    out.put("rowFilter", null);
    guarded(() -> views.read(who.username(), d, "preview", limit, v -> {
      out.put("columns", v.columns());
      out.put("rowFilter", v.rowFilter());
    }, b -> {
      for (Row r : b.rows()) {
        if (rows.size() < limit) {
          rows.add(Arrays.asList(r.values()));
        }
      }
      return rows.size() < limit;
    }));
    return out;
  }

  @GET
  @Path("/{id}/export")
  public Response export(@Auth CairnPrincipal who, @PathParam("id") long id,
      @QueryParam("format") @DefaultValue("csv") String format) {
    if (!format.equals("csv") && !format.equals("json")) {
      throw ApiException.badRequest("format must be csv or json: " + format);
    }
    DatasetEntry d = dataset(id);
    // decide before answering, so a denial is a 403 and not a broken stream
    guarded(() -> views.checkAccess(who.username(), d, "export"));
    StreamingOutput body = stream -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      try {
        if (format.equals("csv")) {
          csv(who.username(), d, w);
        } else {
          json(who.username(), d, w);
        }
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("export of dataset " + id + " failed: " + e.getMessage(), e);
      }
      w.flush();
    };
    String name = d.name().replaceAll("[^A-Za-z0-9._-]", "_") + "." + format;
    return Response.ok(body, format.equals("csv") ? "text/csv" : MediaType.APPLICATION_JSON)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
  }

  private void csv(String user, DatasetEntry d, Writer w) throws Exception {
    views.read(user, d, "export", EXPORT_BATCH, v -> {
      List<String> names = v.columns().stream().map(DatasetViews.ViewColumn::name).toList();
      line(w, new ArrayList<>(names));
    }, b -> {
      b.rows().forEach(r -> line(w, Arrays.asList(r.values())));
      return true;
    });
  }

  private void json(String user, DatasetEntry d, Writer w) throws Exception {
    JsonGenerator g = json.getFactory().createGenerator(w);
    g.setCodec(json);
    g.writeStartObject();
    boolean[] started = new boolean[1];
    views.read(user, d, "export", EXPORT_BATCH, v -> write(() -> {
      g.writeObjectField("columns", v.columns());
      g.writeObjectField("rowFilter", v.rowFilter());
      g.writeArrayFieldStart("rows");
      started[0] = true;
    }), b -> {
      write(() -> {
        for (Row r : b.rows()) {
          g.writeObject(r.values());
        }
      });
      return true;
    });
    if (!started[0]) {
      g.writeArrayFieldStart("columns");
      g.writeEndArray();
      g.writeNullField("rowFilter");
      g.writeArrayFieldStart("rows");
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }

  private DatasetEntry dataset(long id) {
    return views.find(id).orElseThrow(() -> ApiException.notFound("no dataset " + id));
  }

  private interface Io {
    void run() throws IOException;
  }

  private static void write(Io io) {
    try {
      io.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(Writer w, List<Object> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values.get(i);
      String s = v == null ? "" : String.valueOf(v);
      if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        s = '"' + s.replace("\"", "\"\"") + '"';
      }
      sb.append(s);
    }
    write(() -> w.write(sb.append("\r\n").toString()));
  }

  private interface Reading {
    void run() throws Exception;
  }

  private static void guarded(Reading reading) {
    try {
      reading.run();
    } catch (DatasetViews.DeniedException e) {
      throw new ApiException(403, e.getMessage());
    } catch (DatasetSampler.NotReadableException e) {
      throw ApiException.conflict(e.getMessage());
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      throw new ApiException(502, "reading the dataset back failed: " + e.getClass().getSimpleName());
    }
  }
}
