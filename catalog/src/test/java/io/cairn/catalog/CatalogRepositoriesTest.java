package io.cairn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.testing.CatalogDatabases;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every repository, on H2 (file mode) and on the machine's real PostgreSQL. */
class CatalogRepositoriesTest {
  private static final CatalogDatabases DATABASES = new CatalogDatabases("cairn_catalog_test");

  static Stream<Arguments> databases() throws Exception {
    return DATABASES.arguments();
  }

  @AfterAll
  static void dropPostgres() {
    DATABASES.drop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void repositoriesWork(String name, javax.sql.DataSource ds) {
    CatalogDatabase db = new CatalogDatabase(ds);
    assertThat(db.migrate().success).isTrue();
    assertThat(db.dialect()).isEqualTo(name.equals("h2") ? SQLDialect.H2 : SQLDialect.POSTGRES);
    assertThat(db.ping()).isTrue();
    assertThat(db.migrate().migrationsExecuted).as("second migrate is a no-op").isZero();

    // users, roles, tokens
    UserRepository users = new UserRepository(db);
    UserAccount alice = users.create("alice", "hash", "Alice", EnumSet.of(Role.ENGINEER, Role.STEWARD));
    assertThat(users.find("alice").orElseThrow().roles()).containsExactlyInAnyOrder(Role.ENGINEER, Role.STEWARD);
    assertThatThrownBy(() -> users.create("alice", "h", null, Set.of())).hasMessageContaining("already exists");
    users.createToken(alice.id(), "ci", "cairn_ab", "deadbeef", null);
    assertThat(users.findByTokenHash("deadbeef")).map(UserAccount::username).contains("alice");
    assertThat(users.findByTokenHash("other")).isEmpty();
    long tokenId = users.tokens(alice.id()).get(0).id();
    assertThat(users.revokeToken(alice.id(), tokenId)).isTrue();
    assertThat(users.findByTokenHash("deadbeef")).isEmpty();
    users.setDisabled(alice.id(), true);
    assertThat(users.passwordHash("alice")).isEmpty();

    // plugins
    PluginRepository plugins = new PluginRepository(db);
    plugins.save(new PluginEntry("connector-file", "1.0.0", "ENABLED", "f.zip", "abc", "Cairn", "d", ">=1.0.0",
        "source:file", "admin", null, null));
    plugins.save(new PluginEntry("connector-file", "1.1.0", "ENABLED", "f2.zip", "def", "Cairn", "d", ">=1.0.0",
        "source:file", "admin", null, null));
    assertThat(plugins.list()).singleElement().satisfies(p -> {
      assertThat(p.version()).isEqualTo("1.1.0");
      assertThat(p.sha256()).isEqualTo("def");
    });

    // flows are versioned
    FlowRepository flows = new FlowRepository(db);
    FlowId id = new FlowId("demo");
    assertThat(flows.save(id, "Demo", null, "yaml", "v1", "engineer", "alice").currentVersion()).isEqualTo(1);
    FlowEntry v2 = flows.save(id, "Demo", null, "yaml", "v2", "engineer", "alice");
    assertThat(v2.currentVersion()).isEqualTo(2);
    assertThat(v2.definition()).isEqualTo("v2");
    assertThat(flows.versions(id)).extracting(FlowVersionEntry::definition).containsExactly("v1", "v2");

    // runs: interrupted runs fail at start
    RunRepository runs = new RunRepository(db);
    runs.start("r1", id, 2, "manual", "node-a");
    runs.progress("r1", 10, 9, 1, 1);
    runs.start("r2", id, 2, "manual", "node-a");
    assertThat(runs.finish("r2", RunState.SUCCEEDED, null)).isTrue();
    assertThat(runs.finish("r2", RunState.FAILED, "late")).as("first end state wins").isFalse();
    assertThat(runs.failInterrupted("node-a")).isEqualTo(1);
    RunEntry r1 = runs.find("r1").orElseThrow();
    assertThat(r1.state()).isEqualTo(RunState.FAILED);
    assertThat(r1.error()).isEqualTo(RunRepository.INTERRUPTED);
    assertThat(r1.rowsQuarantined()).isEqualTo(1);

    // offsets
    OffsetRepository offsets = new OffsetRepository(db);
    offsets.put(id, "src", "10", "r1");
    offsets.put(id, "src", "20", "r2");
    assertThat(offsets.get(id, "src")).contains("20");
    assertThat(offsets.reset(id)).isEqualTo(1);

    // quarantine
    QuarantineRepository q = new QuarantineRepository(db);
    q.addAll(List.of(new QuarantineEntry(0, "r1", id, "file", "/a.csv", "3", "bad", "x,y", null, null)));
    assertThat(q.forRun("r1", 0, 10)).singleElement().extracting(QuarantineEntry::reason).isEqualTo("bad");

    // datasets and schema versions
    DatasetRepository datasets = new DatasetRepository(db);
    DatasetRef ref = new DatasetRef("postgres://localhost:5432", "shop.public.customers");
    long dsId = datasets.register(ref);
    assertThat(datasets.register(ref)).isEqualTo(dsId);
    Schema s1 = Schema.of(Column.of("id", ColumnType.LONG), Column.of("email", ColumnType.STRING).withTags("PII"));
    assertThat(datasets.recordSchema(dsId, s1, "r1")).isEqualTo(1);
    assertThat(datasets.recordSchema(dsId, s1, "r2")).as("same schema, same version").isEqualTo(1);
    Schema s2 = Schema.of(Column.of("id", ColumnType.LONG));
    assertThat(datasets.recordSchema(dsId, s2, "r2")).isEqualTo(2);
    assertThat(datasets.columns(dsId, 1)).extracting(ColumnEntry::tags).containsExactly(Set.of(), Set.of("PII"));
    datasets.recordRunDataset("r1", dsId, "OUTPUT", 5);
    datasets.recordRunDataset("r1", dsId, "OUTPUT", 7);
    assertThat(datasets.forRun("r1")).singleElement().extracting(RunDatasetEntry::rows).isEqualTo(12L);
    assertThat(datasets.search("CUSTOM", 0, 10)).hasSize(1);
    assertThat(datasets.search("orders", 0, 10)).isEmpty();
  }
}
