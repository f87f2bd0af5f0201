package io.cairn.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.policy.AuditQuery;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.testing.Catalogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Audit exports: CSV and JSON that parse back, and a PDF evidence report that renders with pdftoppm. */
class EvidenceExportTest {
  static AuditLog log;
  static Evidence evidence;

  @BeforeAll
  static void chain() {
    CatalogDatabase db = Catalogs.h2();
    log = new AuditLog(new AuditRepository(db), ManagedKey.of("audit", new byte[16]), 3);
    log.record("admin", "users.create", "alice", "ok", Map.of("roles", List.of("engineer")));
    log.record("admin", "plugins.install", "connector-file", "ok", (String) null);
    log.record("etl", "policy.deny", "flow:load-crm write postgres://db/crm.customers", "denied",
        Map.of("policy", 7, "batches", 1));
    log.record("etl", "mask", "flow:load-crm", "masked", "{\"email\":\"sha256:email\",\"rows\":1000}");
    log.record("steward", "datasets.preview", "file//data/customers.csv", "ok", "comma, \"quotes\" and\nnewline");
    log.record("viewer", "flows.deploy", "Zoë's flow \u4e2d", "denied", (String) null);
    evidence = new Evidence(null, null, OffsetDateTime.now(ZoneOffset.UTC), "compliance", log.verify(),
        log.checkpoints(), log.find(AuditQuery.ALL, 0, 100));
  }

  @Test
  void csvHasAHeaderAndEveryEntry() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditExports.csv(evidence.entries(), out);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
    assertThat(rows).hasSize(6);
    assertThat(rows.get(4).get("details")).isEqualTo("comma, \"quotes\" and\nnewline");
    assertThat(rows.get(2).get("action")).isEqualTo("policy.deny");
    assertThat(rows.get(5).get("prev_hash")).isEqualTo(rows.get(4).get("hash"));
    assertThat(rows.get(0).get("prev_hash")).isEqualTo(AuditHashing.GENESIS);
  }

  @Test
  void jsonCarriesTheVerification() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditExports.json(evidence, out);
    JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
    assertThat(doc.get("verification").get("intact").asBoolean()).isTrue();
    assertThat(doc.get("checkpoints")).hasSize(2);
    assertThat(doc.get("entries")).hasSize(6);
    assertThat(doc.get("entries").get(5).get("target").asText()).isEqualTo("Zoë's flow \u4e2d");
    assertThat(doc.get("generatedBy").asText()).isEqualTo("compliance");
  }

  @Test
  void thePdfHasEverySectionAndRenders() throws Exception {
    Path pdf = Files.createTempFile("evidence", ".pdf");
    try (var out = Files.newOutputStream(pdf)) {
      EvidenceReport.write(evidence, out);
    }
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Cairn audit evidence report");
      text = new PDFTextStripper().getText(doc);
    }
    assertThat(text).contains(EvidenceReport.SECTIONS);
    assertThat(text).contains("INTACT: all 6 entries").contains("policy.deny").contains("users.create")
        .contains("datasets.preview").contains("Zoë's flow ?");
    assertThat(sectionText(text, 4, 5)).contains("policy.deny").contains("mask").doesNotContain("users.create");
    assertThat(sectionText(text, 5, 6)).contains("users.create").contains("plugins.install").contains("flows.deploy");
    assertThat(sectionText(text, 6, 7)).contains("datasets.preview").doesNotContain("policy.deny");

    Path pngDir = Files.createTempDirectory("evidence-png");
    Process p = pdftoppm(pdf, pngDir.resolve("page"));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("pdftoppm: " + err).isZero();
    try (var files = Files.list(pngDir)) {
      List<Path> pngs = files.toList();
      assertThat(pngs).isNotEmpty().allSatisfy(f -> assertThat(Files.size(f)).isGreaterThan(1000));
    }
  }

  private static String sectionText(String text, int section, int next) {
    return text.substring(text.indexOf(EvidenceReport.SECTIONS.get(section - 1)),
        text.indexOf(EvidenceReport.SECTIONS.get(next - 1)));
  }

  private static Process pdftoppm(Path pdf, Path prefix) throws IOException {
    try {
      return new ProcessBuilder("pdftoppm", "-png", "-r", "40", pdf.toString(), prefix.toString()).start();
    } catch (IOException notInstalled) {
      return fail("pdftoppm is not installed, so the evidence PDF cannot be checked: run "
          + "'apt-get install -y poppler-utils' (bin/cairn test does it)", notInstalled);
    }
  }
}
