package io.cairn.governance.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.erasure.DsarRepository;
import io.cairn.catalog.erasure.DsarStepEntry;
import io.cairn.catalog.erasure.ErasureRepository;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageRepository;
import io.cairn.catalog.lineage.LineageWrite;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.testing.Catalogs;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The erasure service on the machine's MariaDB and on files, with lineage written as OpenLineage producers
 * write it (including a cycle): subject columns learned by the hook, rows deleted, files rewritten, datasets
 * out of reach reported, a failing action makes the request FAILED, and tombstones drop the person at sources.
 */
class ErasureServiceTest {
  private static final String MARIA = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final String NS = "mysql://127.0.0.1:3306";

  @TempDir
  Path dir;

  private final String table = "dsar_" + UUID.randomUUID().toString().substring(0, 8);
  private CatalogDatabase catalog;
  private ErasureRepository erasure;
  private DsarRepository requests;
  private AuditLog audit;
  private ErasureHook hook;
  private ErasureService service;
  private final RunScope run = new RunScope("flow-a", "run-1", "engineer");

  @BeforeEach
  void setUp() throws Exception {
    try (Connection c = maria(); Statement s = c.createStatement()) {
      s.execute("create table " + table + " (id bigint primary key, email varchar(100), name varchar(100))");
      s.execute("insert into " + table + " values (1, 'ann@example.com', 'Ann'), (2, 'bob@example.com', 'Bob'),"
          + " (3, 'cy@example.com', 'Cy')");
    }
    catalog = Catalogs.h2();
    erasure = new ErasureRepository(catalog);
    requests = new DsarRepository(catalog, "test-node");
    ManagedKey key = ManagedKey.of("erasure", new byte[32]);
    audit = new AuditLog(new AuditRepository(catalog), ManagedKey.of("audit", new byte[32]), 5);
    SubjectHasher hasher = new SubjectHasher(key);
    hook = new ErasureHook(erasure, hasher, 60_000);
    ErasureTargets targets = new ErasureTargets(List.of(new ErasureConnection(NS, MARIA, "root", "")));
    service = new ErasureService(requests, erasure, new LineageQueries(catalog), targets,
        new DatasetIdentifierResolver(erasure, targets), List.of(new SubjectInfoSource() {
          @Override
          public String name() {
            return "consent";
          }

          @Override
          public Map<String, Object> describe(java.util.Set<Identifier> ids) {
            return Map.of("purposes", List.of("email_marketing"));
          }
        }), List.of(new QuarantinedPersonRecords(new io.cairn.catalog.QuarantineReviewRepository(catalog))), hasher,
        new BundleCipher(key), audit);
  }

  @AfterEach
  void dropTable() throws Exception {
    try (Connection c = maria(); Statement s = c.createStatement()) {
      s.execute("drop table if exists " + table);
    }
  }

  @Test
  void erasesAcrossMariaDbAndFilesFollowingLineageWithACycle() throws Exception {
    Path csv = dir.resolve("copy.csv");
    Files.writeString(csv, "id,email\n1,ann@example.com\n2,bob@example.com\n1,ann@example.com\n");
    Path jsonl = dir.resolve("events.jsonl");
    Files.writeString(jsonl, "{\"user\":\"1\",\"page\":\"/a\"}\n{\"user\":\"3\",\"page\":\"/b\"}\n");
    DatasetRef db = new DatasetRef(NS, "test." + table);
    DatasetRef csvRef = new DatasetRef("file", csv.toString());
    DatasetRef jsonRef = new DatasetRef("file", jsonl.toString());
    DatasetRef unknown = new DatasetRef("file", dir.resolve("report.parquet").toString());
    DatasetRef elsewhere = new DatasetRef("postgres://elsewhere:5432", "crm.public.people");
    // what flows showed: the subject columns of four datasets
    hook.afterRead(run, db, batch(db, List.of("id", "email"), new Object[][] {{1L, "ann@example.com"}}, 0));
    hook.afterWrite(run, csvRef, batch(db, List.of("id", "email"), new Object[][] {{"1", "ann@example.com"}}, 0), 1);
    hook.afterWrite(run, jsonRef, batch(db, List.of("page", "user"), new Object[][] {{"/a", "1"}}, 1), 1);
    hook.afterWrite(run, elsewhere, batch(db, List.of("pid"), new Object[][] {{"1"}}, 0), 1);
    assertThat(erasure.dataset(NS, db.name()).orElseThrow().subjectColumn()).isEqualTo("id");
    assertThat(erasure.dataset("file", jsonl.toString()).orElseThrow().subjectColumn()).isEqualTo("user");
    // lineage: db -> csv -> jsonl -> db (a cycle), csv -> report (subject column unknown)
    link("a", db, csvRef);
    link("b", csvRef, jsonRef);
    link("c", jsonRef, db);
    link("d", csvRef, unknown);

    var req = service.submit(DsarType.ERASURE, List.of(new Identifier("email", "Ann@Example.com")), "art. 17",
        "carla");
    var outcome = service.run(req.id(), DsarType.ERASURE, List.of(new Identifier("email", "Ann@Example.com")),
        "carla");

    Map<String, DsarStepEntry> steps = new java.util.HashMap<>();
    outcome.steps().forEach(s -> steps.put(s.dataset(), s));
    assertThat(steps.get(db.name()).action()).isEqualTo("deleted");
    assertThat(steps.get(db.name()).rows()).isEqualTo(1);
    assertThat(steps.get(csvRef.name()).rows()).isEqualTo(2);
    assertThat(steps.get(jsonRef.name()).rows()).isEqualTo(1);
    assertThat(steps.get(unknown.name()).action()).isEqualTo("skipped");
    assertThat(steps.get(unknown.name()).detail()).startsWith("subject column unknown");
    assertThat(steps.get(elsewhere.name()).action()).isEqualTo("skipped");
    assertThat(steps.get(elsewhere.name()).detail()).contains("no erasure connection");
    assertThat(outcome.complete()).isTrue();
    assertThat(requests.find(req.id()).orElseThrow().status()).isEqualTo("DONE");
    assertThat(requests.find(req.id()).orElseThrow().identifiers()).doesNotContainIgnoringCase("ann@");

    assertThat(ids()).containsExactly(2L, 3L);
    assertThat(Files.readString(csv)).doesNotContain("ann@").contains("bob@example.com");
    assertThat(Files.readString(jsonl)).doesNotContain("\"1\"").contains("/b");
    var entry = audit.find(new io.cairn.catalog.policy.AuditQuery(null, null, null, "dsar.erasure", null, null), 0,
        10);
    assertThat(entry).hasSize(1);
    assertThat(entry.get(0).details()).contains(db.name()).doesNotContainIgnoringCase("ann@");
    assertThat(audit.verify().intact()).isTrue();

    // a flow reading an old copy of the person: the tombstone drops them, others pass
    hook.onRunStart(new RunScope("old-flow", "run-2", "engineer"));
    Batch old = batch(db, List.of("id", "email"), new Object[][] {{1L, "ann@example.com"}, {2L, "bob@example.com"}}, 0);
    assertThat(hook.afterRead(new RunScope("old-flow", "run-2", "engineer"), db, old).rows())
        .extracting(Row::subjectId).containsExactly("2");
    assertThat(hook.droppedRows()).isEqualTo(1);
  }

  @Test
  void accessBundleIsEncryptedAtRestAndAFailingActionFailsTheRequest() throws Exception {
    DatasetRef db = new DatasetRef(NS, "test." + table);
    hook.afterWrite(run, db, batch(db, List.of("id", "email"), new Object[][] {{2L, "bob@example.com"}}, 0), 1);
    var access = service.submit(DsarType.ACCESS, List.of(new Identifier("customer_id", "2")), null, "carla");
    service.run(access.id(), DsarType.ACCESS, List.of(new Identifier("customer_id", "2")), "carla");
    String bundle = service.bundle(access.id()).orElseThrow();
    assertThat(bundle).contains("bob@example.com").contains("\"consent\":{\"purposes\":[\"email_marketing\"]}");
    assertThat(requests.bundle(access.id()).orElseThrow()).as("encrypted at rest").doesNotContain("bob@");

    service.setPolicy(db, null, "anonymise", "no_such_column=null", null, "carla");
    var erase = service.submit(DsarType.ERASURE, List.of(new Identifier("customer_id", "2")), null, "carla");
    var outcome = service.run(erase.id(), DsarType.ERASURE, List.of(new Identifier("customer_id", "2")), "carla");
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.steps().get(0).detail()).startsWith("failed: ");
    var stored = requests.find(erase.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo("FAILED");
    assertThat(stored.auditSeq()).isNotNull();
    assertThat(ids()).as("the failed update changed nothing").containsExactly(1L, 2L, 3L);

    service.setPolicy(db, null, "anonymise", "email=null,name=hash", null, "carla");
    var again = service.submit(DsarType.ERASURE, List.of(new Identifier("customer_id", "2")), null, "carla");
    assertThat(service.run(again.id(), DsarType.ERASURE, List.of(new Identifier("customer_id", "2")), "carla")
        .complete()).isTrue();
    try (Connection c = maria(); ResultSet rs = c.createStatement().executeQuery(
        "select email, name from " + table + " where id = 2")) {
      rs.next();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.getString(2)).startsWith("anon:").hasSize(21);
    }
  }

  @Test
  void quarantinedRecordsAboutThePersonAreExportedThenErased() {
    io.cairn.catalog.FlowId flow = new io.cairn.catalog.FlowId("crm-import");
    new io.cairn.catalog.FlowRepository(catalog).save(flow, "CRM", null, "yaml", "v1", "engineer", "alice");
    new io.cairn.catalog.RunRepository(catalog).start("q-run", flow, 1, "manual", "node-a");
    new io.cairn.catalog.QuarantineRepository(catalog).addAll(List.of(
        // quarantined by a step that held the row: the subject is known
        new io.cairn.catalog.QuarantineEntry(0, "q-run", flow, "file", "/crm.csv", "2", "bad date",
            "{\"id\":\"77\",\"d\":\"2023-02-30\"}", null, "dora@example.com"),
        // a malformed source line: no subject, but the email is in it (in another case)
        new io.cairn.catalog.QuarantineEntry(0, "q-run", flow, "file", "/crm.csv", "5", "line 5: 3 columns, 4 expected",
            "9,DORA@EXAMPLE.COM,Dora", null, null),
        // someone else's records, one with a short id that must not match by payload
        new io.cairn.catalog.QuarantineEntry(0, "q-run", flow, "file", "/crm.csv", "7", "bad date",
            "{\"id\":\"77\",\"email\":\"eve@example.com\"}", null, "eve@example.com")));
    List<Identifier> dora = List.of(new Identifier("email", "Dora@Example.com"), new Identifier("customer_id", "77"));

    var access = service.submit(DsarType.ACCESS, dora, null, "carla");
    var exported = service.run(access.id(), DsarType.ACCESS, dora, "carla");
    assertThat(exported.steps()).filteredOn(st -> st.dataset().equals("quarantine")).singleElement()
        .satisfies(st -> {
          assertThat(st.action()).isEqualTo("exported");
          assertThat(st.rows()).isEqualTo(2);
        });
    String bundle = service.bundle(access.id()).orElseThrow();
    assertThat(bundle).contains("\"quarantine\":{\"matchedBy\"").contains("2023-02-30").contains("DORA@EXAMPLE.COM")
        .doesNotContain("eve@");

    var erase = service.submit(DsarType.ERASURE, dora, null, "carla");
    var outcome = service.run(erase.id(), DsarType.ERASURE, dora, "carla");
    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.steps()).filteredOn(st -> st.dataset().equals("quarantine")).singleElement()
        .satisfies(st -> {
          assertThat(st.action()).isEqualTo("deleted");
          assertThat(st.rows()).as("by subject, and by the email in the line whatever its case").isEqualTo(2);
        });
    assertThat(new io.cairn.catalog.QuarantineRepository(catalog).forRun("q-run", 0, 10))
        .as("someone else's record stays, though it holds the person's short id 77")
        .extracting(io.cairn.catalog.QuarantineEntry::sourceOffset).containsExactly("7");
  }

  @Test
  void policiesAndInputsAreValidated() {
    DatasetRef db = new DatasetRef(NS, "test." + table);
    assertThatThrownBy(() -> service.setPolicy(db, null, "retain", null, " ", "carla"))
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> service.setPolicy(db, null, "anonymise", "email=scramble", null, "carla"))
        .hasMessageContaining("'scramble' is not null, redact or hash");
    assertThatThrownBy(() -> service.setPolicy(db, null, "burn", null, null, "carla"))
        .hasMessageContaining("delete, anonymise or retain");
    assertThatThrownBy(() -> service.submit(DsarType.ERASURE, List.of(), null, "carla"))
        .hasMessageContaining("at least one identifier");
    assertThatThrownBy(() -> new Identifier("e mail", "x")).hasMessageContaining("identifier type");
    assertThat(new Identifier("email", "Ann@Example.com").toString()).isEqualTo("email:A***@Example.com");
    assertThat(JdbcTable.withDatabase("jdbc:postgresql://h:5432/postgres?ssl=true", "shop"))
        .isEqualTo("jdbc:postgresql://h:5432/shop?ssl=true");
    assertThatThrownBy(() -> new BundleCipher(ManagedKey.of("erasure", new byte[32]))
        .decrypt(new BundleCipher(ManagedKey.of("erasure", "another key, 32 bytes long......".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII))).encrypt("x")))
        .hasMessageContaining("cannot be decrypted");
    assertThat(new ErasureConnection(NS, "jdbc:mariadb://h/db?password=secret", "root", "secret").toString())
        .doesNotContain("secret");
  }

  @Test
  void aRestartFailsOnlyTheRequestsItsOwnNodeLeftUnfinished() {
    var mine = service.submit(DsarType.ERASURE, List.of(new Identifier("email", "a@b.c")), null, "carla");
    DsarRepository otherNode = new DsarRepository(catalog, "other-node");
    var theirs = otherNode.create(UUID.randomUUID().toString(), "erasure", "carla", null, "[]");
    assertThat(requests.failUnfinished("the server stopped")).isEqualTo(1);
    assertThat(requests.find(mine.id()).orElseThrow().status()).isEqualTo("FAILED");
    assertThat(requests.find(mine.id()).orElseThrow().error()).isEqualTo("the server stopped");
    assertThat(requests.find(theirs.id()).orElseThrow().status()).isEqualTo("PENDING");
  }

  private void link(String job, DatasetRef from, DatasetRef to) {
    new LineageRepository(catalog).store(new LineageWrite("RUN", "COMPLETE", OffsetDateTime.now(), "test", "{}",
        new LineageWrite.JobRef("test", job, null), new LineageWrite.RunInfo(UUID.randomUUID().toString(), null,
            "COMPLETE", null), List.of(new LineageWrite.DatasetIo(from.namespace(), from.name(), "INPUT", null),
            new LineageWrite.DatasetIo(to.namespace(), to.name(), "OUTPUT", null)), List.of()));
  }

  private static Batch batch(DatasetRef source, List<String> columns, Object[][] rows, int subjectIndex) {
    Schema schema = Schema.of(columns.stream().map(c -> Column.of(c, ColumnType.STRING)).toList());
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      out.add(new Row(rows[i], rows[i][subjectIndex].toString(), new Provenance(source, Integer.toString(i))));
    }
    return Batch.of(schema, out, null);
  }

  private List<Long> ids() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = maria(); ResultSet rs = c.createStatement().executeQuery("select id from " + table
        + " order by id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static Connection maria() throws Exception {
    return DriverManager.getConnection(MARIA, "root", "");
  }
}
