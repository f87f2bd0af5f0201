package io.cairn.platform.demo;

import io.cairn.catalog.FlowId;
import io.cairn.catalog.Role;
import io.cairn.catalog.RunEntry;
import io.cairn.platform.CairnApplication.Services;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.flows.FlowService;
import io.cairn.governance.consent.ConsentCsvImport;
import io.cairn.governance.consent.ImportResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Sets up and runs the demo on a started server. */
final class DemoSetup {
  static final long SEED = 42;
  static final int CUSTOMERS = 10_000;

  private final Services services;
  private final CairnConfiguration config;
  private final String password;
  private final boolean generatedPassword;
  private final PrintStream out;

  DemoSetup(Services services, CairnConfiguration config, String password, boolean generatedPassword,
      PrintStream out) {
    this.services = services;
    this.config = config;
    this.password = password;
    this.generatedPassword = generatedPassword;
    this.out = out;
  }

  void run() throws Exception {
    for (Role role : EnumSet.allOf(Role.class)) {
      if (services.userService().ensure(role.id(), password, EnumSet.of(role))) {
        out.println("created user '" + role.id() + "'");
      }
    }
    Path data = config.home().resolve("demo").resolve("data");
    Path warehouse = config.home().resolve("demo").resolve("warehouse");
    Files.createDirectories(data);
    generate(data, "customers", CUSTOMERS, "csv");
    generate(data, "orders", 30_000, "csv");
    generate(data, "events", 100_000, "jsonl");
    generate(data, "consents", CUSTOMERS * 6L, "csv");
    importConsents(data);

    String jdbc = "jdbc:h2:file:" + warehouse.resolve("shop") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    deploy("demo-customers", "Customers CSV to the warehouse", DemoRoutes.customers(data, jdbc));
    deploy("demo-orders", "Orders CSV to the warehouse", DemoRoutes.orders(data, jdbc));
    // loading again is harmless (upsert by key): start from the top so every demo shows the full load
    services.flows().resetOffsets(new FlowId("demo-customers"));
    services.flows().resetOffsets(new FlowId("demo-orders"));
    RunEntry customers = runAndWait("demo-customers");
    RunEntry orders = runAndWait("demo-orders");
    summary(List.of(customers, orders), jdbc);
  }

  private void generate(Path data, String entity, long count, String format) throws Exception {
    Path file = data.resolve(entity + "." + format);
    if (Files.exists(file)) {
      out.println("data set " + file.getFileName() + " exists, kept");
      return;
    }
    String id = "demo-generate-" + entity;
    deploy(id, "Generate " + entity + " (seed " + SEED + ")", DemoRoutes.generate(entity, count, SEED, CUSTOMERS,
        data, format));
    services.flows().resetOffsets(new FlowId(id));
    runAndWait(id);
  }

  /**
   * Records the generated consent rows in the consent service (once per demo home), so the consent gate,
   * suppression lists and the consent page answer for the demo's customers. Rows with planted dirt (blank or
   * odd status, blank basis) are refused and counted, as a real import would.
   */
  private void importConsents(Path data) throws IOException {
    Path marker = data.resolve("consents.imported");
    if (Files.exists(marker)) {
      out.println("consents imported before, kept");
      return;
    }
    out.println("importing consents into the consent service ...");
    ImportResult result = new ConsentCsvImport(services.consent().service())
        .run(new StringReader(importCsv(data.resolve("consents.csv"))), "demo");
    out.printf(Locale.ROOT, "  %,d consent statements recorded, %,d refused%s%n", result.imported(),
        result.rejected().size(), result.rejected().isEmpty() ? ""
            : " (e.g. line " + result.rejected().getFirst().line() + ": " + result.rejected().getFirst().reason() + ")");
    Files.writeString(marker, result.imported() + "\n");
  }

  /** The demo's consent CSV in the consent service's import format ({@link ConsentCsvImport#HEADER}). */
  static String importCsv(Path consents) throws IOException {
    StringWriter converted = new StringWriter();
    try (Reader in = Files.newBufferedReader(consents, StandardCharsets.UTF_8);
        CSVParser rows = CSVParser.builder().setReader(in)
            .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get();
        CSVPrinter printer = new CSVPrinter(converted, CSVFormat.DEFAULT.builder()
            .setHeader("identifier_type", "identifier", "purpose", "status", "lawful_basis", "source", "at").get())) {
      for (CSVRecord r : rows) {
        printer.printRecord("customer_id", r.get("customer_id"), r.get("purpose"), r.get("status"),
            r.get("lawful_basis"), r.get("source"), r.get("updated_ts"));
      }
    }
    return converted.toString();
  }

  private void deploy(String id, String name, String yaml) {
    services.flows().deploy(new FlowId(id), name, null, yaml, null, "admin");
  }

  private RunEntry runAndWait(String id) throws InterruptedException {
    FlowId flowId = new FlowId(id);
    RunEntry started = services.flows().run(flowId);
    out.printf(Locale.ROOT, "running %s ...%n", id);
    long lastPrint = 0;
    while (true) {
      RunEntry now = services.flows().run(flowId, started.id()).orElseThrow().run();
      if (now.state().terminal()) {
        out.printf(Locale.ROOT, "  %s %s: %,d rows read, %,d written, %,d quarantined%s%n", id, now.state(),
            now.rowsIn(), now.rowsOut(), now.rowsQuarantined(), now.error() == null ? "" : " (" + now.error() + ")");
        return now;
      }
      if (System.currentTimeMillis() - lastPrint > 1000) {
        FlowService.FlowStatus st = services.flows().get(flowId).orElseThrow();
        if (st.progress() != null && st.progress().rowsIn() > 0) {
          out.printf(Locale.ROOT, "  ... %,d rows (%,.0f rows/s)%n", st.progress().rowsIn(),
              st.progress().rowsPerSecond());
        }
        lastPrint = System.currentTimeMillis();
      }
      Thread.sleep(100);
    }
  }

  private void summary(List<RunEntry> runs, String jdbc) {
    int port = config.applicationPort();
    out.println();
    out.println("Cairn demo is ready.");
    out.println("  Open       http://localhost:" + port + "/  (API under /api/v1, health on port " + (port + 1) + ")");
    out.println("  Users      " + String.join(", ", EnumSet.allOf(Role.class).stream().map(Role::id).toList()));
    out.println("  Password   " + (generatedPassword ? password + "   (generated; set CAIRN_DEMO_PASSWORD to choose)"
        : "from CAIRN_DEMO_PASSWORD"));
    for (RunEntry r : runs) {
      out.printf(Locale.ROOT, "  Flow       %s: %s, %,d rows written, %,d quarantined (see the quarantine for the reasons)%n",
          r.flowId(), r.state(), r.rowsOut(), r.rowsQuarantined());
    }
    out.println("  Warehouse  " + jdbc.substring(0, jdbc.indexOf(';')));
    out.println("  Try        curl -u admin:<password> http://localhost:" + port + "/api/v1/flows");
    out.println("             curl -u steward:<password> 'http://localhost:" + port
        + "/api/v1/flows/demo-customers/quarantine?limit=5'");
    out.println("  Stop with Ctrl-C.");
  }
}
