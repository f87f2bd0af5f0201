package io.cairn.platform.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.DatasetRepository;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.OffsetRepository;
import io.cairn.catalog.QuarantineRepository;
import io.cairn.catalog.RunDatasetEntry;
import io.cairn.catalog.RunEntry;
import io.cairn.catalog.RunRepository;
import io.cairn.catalog.RunState;
import io.cairn.governance.DatasetRecorder;
import io.cairn.platform.testkit.FakeExtensions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime on a real CamelContext and a real H2 catalog, with fakes at the SPI. */
class FlowRuntimeTest {
  @TempDir
  Path home;

  private FakeExtensions extensions;
  private FlowRuntime runtime;
  private FlowService service;
  private RunRepository runs;
  private DatasetRepository datasets;
  private QuarantineRepository quarantine;
  private CatalogDatabase db;

  @BeforeEach
  void start() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(CatalogDatabase.h2FileUrl(home));
    db = new CatalogDatabase(ds);
    db.migrate();
    extensions = new FakeExtensions();
    runtime = newRuntime("node-1");
    runtime.start();
  }

  private FlowRuntime newRuntime(String node) {
    runs = new RunRepository(db);
    datasets = new DatasetRepository(db);
    quarantine = new QuarantineRepository(db);
    FlowRepository flows = new FlowRepository(db);
    OffsetRepository offsets = new OffsetRepository(db);
    DefaultCamelContext camel = new DefaultCamelContext();
    FlowRuntime created = new FlowRuntime(camel, flows, runs, quarantine, offsets, new DatasetRecorder(datasets),
        extensions, new RouteValidator(), home, node, 1000);
    service = new FlowService(flows, runs, quarantine, datasets, offsets, created, new FlowSecrets(extensions));
    return created;
  }

  @AfterEach
  void stop() throws Exception {
    runtime.stop();
  }

  private static String route(String source, String sink) {
    return """
        - route:
            from:
              uri: "%s"
              steps:
                - to: "cairn:step:upper?column=name"
                - to: "%s"
        """.formatted(source, sink);
  }

  private RunEntry awaitEnd(String runId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      RunEntry r = runs.find(runId).orElseThrow();
      if (r.state().terminal()) {
        return r;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("run " + runId + " did not end");
  }

  @Test
  void batchFlowRunsToTheEndWithCountsQuarantineAndDatasets() throws Exception {
    FlowId id = new FlowId("people");
    service.deploy(id, "People", null,
        route("cairn:source:counting?rows=2500&badEvery=100", "cairn:sink:memory?table=people"), null, "tester");
    RunEntry end = awaitEnd(service.run(id).id());

    assertThat(end.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(end.rowsIn()).isEqualTo(2475);
    assertThat(end.rowsOut()).isEqualTo(2475);
    assertThat(end.rowsQuarantined()).isEqualTo(25);
    assertThat(end.batches()).as("rows move in batches of up to 1000").isEqualTo(3);
    assertThat(extensions.store.table("people")).hasSize(2475);
    assertThat(extensions.store.table("people").get(1L)).containsExactly(1L, "NAME-1");
    assertThat(quarantine.forRun(end.id(), 0, 100)).hasSize(25)
        .allSatisfy(q -> assertThat(q.reason()).contains("bad on purpose"))
        .first().satisfies(q -> assertThat(q.sourceOffset()).isEqualTo("100"));
    assertThat(datasets.forRun(end.id())).extracting(RunDatasetEntry::direction, d -> d.dataset().name(),
        RunDatasetEntry::rows)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("INPUT", "counting", 2475L),
            org.assertj.core.groups.Tuple.tuple("OUTPUT", "people", 2475L));

    RunEntry again = awaitEnd(service.run(id).id());
    assertThat(again.rowsIn()).as("a second run resumes after the committed offset").isZero();
  }

  @Test
  void failedBatchFailsTheRunAndReRunResumesWithoutDuplicates() throws Exception {
    FlowId id = new FlowId("fragile");
    service.deploy(id, null, null,
        route("cairn:source:counting?rows=3000", "cairn:sink:memory?table=fragile"), null, "tester");
    extensions.store.failOn.set(1500);
    RunEntry failed = awaitEnd(service.run(id).id());
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.error()).contains("sink refused row 1500");
    assertThat(extensions.store.table("fragile")).hasSize(1000);

    extensions.store.failOn.set(0);
    RunEntry rerun = awaitEnd(service.run(id).id());
    assertThat(rerun.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(rerun.rowsIn()).as("resumes after the last committed batch").isEqualTo(2000);
    assertThat(extensions.store.table("fragile")).hasSize(3000);
  }

  @Test
  void streamingFlowRunsUntilStoppedAndCannotStartTwice() throws Exception {
    FlowId id = new FlowId("stream");
    service.deploy(id, null, null,
        route("cairn:source:counting?rows=0&perPoll=50", "cairn:sink:memory?table=stream"), null, "tester");
    RunEntry run = service.start(id);
    Thread.sleep(300);
    assertThatThrownBy(() -> service.run(id)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already running");
    assertThat(service.get(id).orElseThrow().status()).isEqualTo("RUNNING");
    assertThat(service.stop(id)).isTrue();
    RunEntry end = runs.find(run.id()).orElseThrow();
    assertThat(end.state()).isEqualTo(RunState.STOPPED);
    assertThat(end.rowsIn()).isPositive();
    assertThat(extensions.store.table("stream")).hasSize((int) end.rowsOut());
  }

  @Test
  void badRoutesAreRefusedAtDeployWithTheReason() {
    FlowId id = new FlowId("bad");
    assertThatThrownBy(() -> service.deploy(id, null, null, "- route:\n    from:\n      urii: timer:x\n", null, "t"))
        .isInstanceOf(InvalidRouteException.class)
        .satisfies(e -> assertThat(((InvalidRouteException) e).problems()).isNotEmpty()
            .allSatisfy(p -> assertThat(p.line()).isPositive()));
    assertThatThrownBy(() -> service.deploy(id, null, null, "- route: [unclosed", null, "t"))
        .isInstanceOf(InvalidRouteException.class).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> service.deploy(id, null, null,
        "- route:\n    from:\n      uri: nosuchcomponent:x\n      steps:\n        - to: log:x\n", null, "t"))
        .isInstanceOf(InvalidRouteException.class).hasMessageContaining("nosuchcomponent");
    assertThatThrownBy(() -> service.deploy(id, null, null,
        route("cairn:source:nosuch?x=1", "cairn:sink:memory?table=t"), null, "t"))
        .hasMessageContaining("no source 'nosuch' is installed");
    assertThatThrownBy(() -> service.deploy(id, null, null,
        route("cairn:source:counting?rows=many", "cairn:sink:memory?table=t"), null, "t"))
        .hasMessageContaining("'rows' must be a long number");
    assertThat(service.list()).isEmpty();
  }

  @Test
  void plainCamelRoutesAreGovernedToo() throws Exception {
    Path out = Files.createDirectories(home.resolve("out"));
    FlowId id = new FlowId("plain");
    service.deploy(id, null, null, """
        - route:
            from:
              uri: "timer:tick?period=10&repeatCount=5"
              steps:
                - setBody:
                    constant: "hello"
                - to: "file:%s?fileName=tick-${exchangeId}.txt"
        """.formatted(out), null, "t");
    RunEntry run = service.run(id);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Files.list(out).count() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(100);
    service.stop(id);
    assertThat(Files.list(out).count()).isEqualTo(5);
    List<RunDatasetEntry> seen = datasets.forRun(run.id());
    assertThat(seen).extracting(RunDatasetEntry::direction, d -> d.dataset().namespace(), d -> d.dataset().name())
        .contains(org.assertj.core.groups.Tuple.tuple("OUTPUT", "file", out.toString()));
    assertThat(runs.find(run.id()).orElseThrow().rowsIn()).isEqualTo(5);
  }

  @Test
  void runsLeftRunningByACrashAreFailedAtStart() throws Exception {
    FlowId id = new FlowId("crashy");
    service.deploy(id, null, null,
        route("cairn:source:counting?rows=10", "cairn:sink:memory?table=c"), null, "t");
    runs.start("ghost-run", id, 1, "manual", "node-1");
    runs.start("other-node-run", id, 1, "manual", "node-2");
    runtime.stop();
    runtime = newRuntime("node-1");
    runtime.start();
    assertThat(runs.find("ghost-run").orElseThrow().state()).isEqualTo(RunState.FAILED);
    assertThat(runs.find("ghost-run").orElseThrow().error()).isEqualTo(RunRepository.INTERRUPTED);
    assertThat(runs.find("other-node-run").orElseThrow().state()).as("another node's run is its own")
        .isEqualTo(RunState.RUNNING);
    assertThat(awaitEnd(service.run(id).id()).state()).isEqualTo(RunState.SUCCEEDED);
  }
}
