package io.cairn.governance.audit;

import io.cairn.catalog.policy.AuditCheckpoint;
import io.cairn.catalog.policy.AuditEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The audit evidence report as a PDF for compliance reviews: the scope, whether the chain is intact, what
 * happened by kind, which policies decided what (denies and masks), the administrative actions, who accessed
 * what (previews and exports), the signed checkpoints and every entry of the period.
 */
public final class EvidenceReport {
  /** Section titles, in order. */
  public static final List<String> SECTIONS = List.of("1. Scope", "2. Chain verification", "3. Activity summary",
      "4. Policy decisions (deny and mask)", "5. Administrative actions", "6. Data access (previews and exports)",
      "7. Signed checkpoints", "8. All entries");
  private static final int MAX_LISTED = 2000;

  private EvidenceReport() {}

  public static void write(Evidence ev, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Cairn audit evidence report");
      info.setCreator("Cairn");
      try (PdfText t = new PdfText(doc)) {
        t.title("Cairn audit evidence report");
        t.heading(SECTIONS.get(0));
        t.paragraph("Period: " + (ev.from() == null ? "the beginning" : ev.from()) + " to "
            + (ev.to() == null ? "now" : ev.to()) + ".");
        t.paragraph("Generated at " + ev.generatedAt() + " for " + ev.generatedBy() + "; " + ev.entries().size()
            + " entries in the period.");
        verification(t, ev.verification());
        summary(t, ev.entries());
        listed(t, SECTIONS.get(3), ev.entries(), e -> e.action().startsWith("policy.") || e.action().startsWith("mask"),
            "No deny or mask decision in the period.");
        listed(t, SECTIONS.get(4), ev.entries(), EvidenceReport::admin, "No administrative action in the period.");
        listed(t, SECTIONS.get(5), ev.entries(), e -> e.action().contains("preview") || e.action().contains("export"),
            "No preview or export in the period.");
        checkpoints(t, ev.checkpoints());
        listed(t, SECTIONS.get(7), ev.entries(), e -> true, "No entry in the period.");
      }
      doc.save(out);
    }
  }

  private static void verification(PdfText t, Verification v) throws IOException {
    t.heading(SECTIONS.get(1));
    if (v.intact()) {
      t.paragraph("INTACT: all " + v.entriesChecked() + " entries link to their predecessors and match their hashes; "
          + v.checkpointsVerified() + " signed checkpoint(s) verified; head at entry " + v.headSeq() + ".");
    } else {
      t.paragraph("BROKEN at entry " + v.firstBrokenSeq() + ": " + v.problem() + ". Entries checked: "
          + v.entriesChecked() + "; checkpoints verified before the break: " + v.checkpointsVerified() + ".");
    }
  }

  private static void summary(PdfText t, List<AuditEntry> entries) throws IOException {
    t.heading(SECTIONS.get(2));
    Map<String, Integer> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(e.action() + " (" + e.outcome() + ")", 1, Integer::sum));
    if (counts.isEmpty()) {
      t.paragraph("No activity in the period.");
    }
    for (var c : counts.entrySet()) {
      t.paragraph(c.getKey() + ": " + c.getValue());
    }
  }

  private static void checkpoints(PdfText t, List<AuditCheckpoint> checkpoints) throws IOException {
    t.heading(SECTIONS.get(6));
    if (checkpoints.isEmpty()) {
      t.paragraph("No signed checkpoint yet.");
    }
    for (AuditCheckpoint c : checkpoints) {
      t.code("entry " + c.seq() + " signed " + c.signedAt() + " " + c.algorithm() + " key " + c.keyId() + " hash "
          + c.hash());
    }
  }

  private static void listed(PdfText t, String title, List<AuditEntry> entries, Predicate<AuditEntry> which,
      String none) throws IOException {
    t.heading(title);
    List<AuditEntry> chosen = entries.stream().filter(which).toList();
    if (chosen.isEmpty()) {
      t.paragraph(none);
    }
    for (AuditEntry e : chosen.subList(0, Math.min(chosen.size(), MAX_LISTED))) {
      t.code("#" + e.seq() + " " + e.at() + " " + e.actor() + " " + e.action() + " " + (e.target() == null ? "-"
          : e.target()) + " " + e.outcome() + (e.details() == null ? "" : " " + e.details()));
    }
    if (chosen.size() > MAX_LISTED) {
      t.paragraph("... and " + (chosen.size() - MAX_LISTED) + " more (see the CSV or JSON export).");
    }
  }

  private static boolean admin(AuditEntry e) {
    String a = e.action();
    return a.startsWith("users.") || a.startsWith("plugins.") || a.startsWith("flows.") || a.startsWith("policies.")
        || a.startsWith("tags.") || a.startsWith("tokens.");
  }
}
