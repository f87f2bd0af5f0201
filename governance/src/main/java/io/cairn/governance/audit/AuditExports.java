package io.cairn.governance.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.catalog.policy.AuditEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Exports of audit entries as CSV (RFC 4180, with a header) and JSON (with the chain verification). */
public final class AuditExports {
  /** The CSV columns, in order. */
  public static final List<String> COLUMNS =
      List.of("seq", "at", "actor", "action", "target", "outcome", "details", "prev_hash", "hash");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AuditExports() {}

  public static void csv(List<AuditEntry> entries, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
      for (AuditEntry e : entries) {
        p.printRecord(e.seq(), e.at().toString(), e.actor(), e.action(), e.target(), e.outcome(), e.details(),
            e.prevHash(), e.hash());
      }
    }
  }

  /** A JSON document: the evidence's scope, the verification result and the entries. */
  public static void json(Evidence evidence, OutputStream out) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("from", text(evidence.from()));
    doc.put("to", text(evidence.to()));
    doc.put("generatedAt", evidence.generatedAt().toString());
    doc.put("generatedBy", evidence.generatedBy());
    doc.put("verification", evidence.verification());
    doc.put("checkpoints", evidence.checkpoints().stream().map(c -> Map.of("seq", c.seq(), "hash", c.hash(),
        "signedAt", c.signedAt().toString(), "algorithm", c.algorithm(), "keyId", c.keyId(),
        "signature", c.signature())).toList());
    doc.put("entries", evidence.entries().stream().map(AuditExports::entry).toList());
    JSON.writeValue(out, doc);
  }

  static Map<String, Object> entry(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.at().toString());
    m.put("actor", e.actor());
    m.put("action", e.action());
    m.put("target", e.target());
    m.put("outcome", e.outcome());
    m.put("details", e.details());
    m.put("prevHash", e.prevHash());
    m.put("hash", e.hash());
    return m;
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
