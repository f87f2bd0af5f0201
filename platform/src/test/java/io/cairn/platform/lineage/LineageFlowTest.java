package io.cairn.platform.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.DatasetRepository;
import io.cairn.catalog.FlowId;
import io.cairn.catalog.FlowRepository;
import io.cairn.catalog.OffsetRepository;
import io.cairn.catalog.QuarantineRepository;
import io.cairn.catalog.RunEntry;
import io.cairn.catalog.RunRepository;
import io.cairn.catalog.RunState;
import io.cairn.catalog.lineage.ColumnEdge;
import io.cairn.catalog.lineage.LineageQueries.Direction;
import io.cairn.governance.CompositeGovernanceHook;
import io.cairn.governance.DatasetRecorder;
import io.cairn.governance.lineage.EventValidator;
import io.cairn.platform.flows.FlowRuntime;
import io.cairn.platform.flows.FlowService;
import io.cairn.platform.flows.RouteValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flows on the real runtime (CamelContext, H2 catalog) with lineage woven in: every run's events are stored,
 * valid OpenLineage, and carry exactly the declared column lineage.
 */
class LineageFlowTest {
  private static final EventValidator VALIDATOR = new EventValidator();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  private final LineageExtensions extensions = new LineageExtensions();
  private CatalogDatabase db;
  private LineageModule lineage;
  private FlowRuntime runtime;
  private FlowService service;
  private RunRepository runs;

  @BeforeEach
  void start() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(CatalogDatabase.h2FileUrl(home));
    db = new CatalogDatabase(ds);
    db.migrate();
    lineage = new LineageModule(db, "cairn", Duration.ofMillis(100),
        LineageTransportConfig.file(home.resolve("events.jsonl").toString()).create());
    runs = new RunRepository(db);
    DatasetRepository datasets = new DatasetRepository(db);
    QuarantineRepository quarantine = new QuarantineRepository(db);
    FlowRepository flows = new FlowRepository(db);
    OffsetRepository offsets = new OffsetRepository(db);
    DefaultCamelContext camel = new DefaultCamelContext();
    runtime = new FlowRuntime(camel, flows, runs, quarantine, offsets,
        new CompositeGovernanceHook(List.of(new DatasetRecorder(datasets), lineage.recorder())), extensions,
        new RouteValidator(), home, "node-1", 100);
    service = new FlowService(flows, runs, quarantine, datasets, offsets, runtime,
        new io.cairn.platform.flows.FlowSecrets(extensions));
    runtime.start();
  }

  @AfterEach
  void stop() throws Exception {
    runtime.stop();
    lineage.stop();
  }

  private static String route(String source, String sink) {
    return """
        - route:
            from:
              uri: "%s"
              steps:
                - to: "cairn:step:upper?column=name"
                - to: "cairn:step:hash?column=name"
                - to: "%s"
        """.formatted(source, sink);
  }

  @Test
  void aMultiStepFlowYieldsExactlyTheDeclaredColumnLineage() throws Exception {
    FlowId id = new FlowId("people");
    service.deploy(id, "People", null, route("cairn:source:counting?rows=250", "cairn:sink:memory?table=people"),
        null, "tester");
    RunEntry end = awaitEnd(service.run(id).id());
    assertThat(end.state()).isEqualTo(RunState.SUCCEEDED);
    awaitLineageEnd(end.id());

    List<JsonNode> events = events(end.id());
    assertThat(events).extracting(e -> e.path("eventType").asText()).startsWith("START").endsWith("COMPLETE");
    assertThat(events).allSatisfy(e -> assertThat(VALIDATOR.validate(e)).isEmpty());
    JsonNode output = events.getLast().path("outputs").get(0);
    assertThat(output.path("namespace").asText() + ":" + output.path("name").asText()).isEqualTo("memory:people");
    assertThat(output.path("outputFacets").path("outputStatistics").path("rowCount").asLong()).isEqualTo(250);
    assertThat(output.path("facets").path("tags").path("tags")).extracting(t -> t.path("field").asText() + "="
        + t.path("key").asText()).containsExactly("name_hash=PII.pseudonymised");

    long counting = lineage.queries().datasetId("test", "counting").orElseThrow();
    List<ColumnEdge> fromName = lineage.queries().columnLineage(counting, "name", 5, Direction.DOWNSTREAM);
    assertThat(fromName).singleElement().satisfies(e -> {
      assertThat(e.target().nodeId()).isEqualTo("datasetField:memory:people:name_hash");
      assertThat(e.subtype()).isEqualTo("TRANSFORMATION");
      assertThat(e.masking()).as("derived, then masked: masked").isTrue();
      assertThat(e.flowId()).isEqualTo("people");
    });
    assertThat(lineage.queries().columnLineage(counting, "id", 5, Direction.DOWNSTREAM)).singleElement()
        .satisfies(e -> assertThat(e.target().field() + ":" + e.subtype()).isEqualTo("id:IDENTITY"));
    assertThat(db.dsl().fetchCount(db.dsl().selectFrom("lineage_column_edges"))).isEqualTo(2);
    assertThat(db.dsl().fetchValue("select flow_run_id from lineage_runs where run_uuid = ?", end.id()))
        .isEqualTo(end.id());
    List<String> forwarded = java.nio.file.Files.readAllLines(home.resolve("events.jsonl")).stream()
        .filter(l -> l.contains(end.id())).toList();
    assertThat(forwarded).as("the file transport got every event").hasSize(events.size());
    assertThat(VALIDATOR.validate(JSON.readTree(forwarded.getLast()))).isEmpty();
  }

  @Test
  void aFailingFlowEndsWithFailAndItsError() throws Exception {
    extensions.fakes.store.failOn.set(150);
    FlowId id = new FlowId("fragile");
    service.deploy(id, null, null, route("cairn:source:counting?rows=300", "cairn:sink:memory?table=fragile"),
        null, "tester");
    RunEntry end = awaitEnd(service.run(id).id());
    assertThat(end.state()).isEqualTo(RunState.FAILED);
    awaitLineageEnd(end.id());
    JsonNode fail = events(end.id()).getLast();
    assertThat(fail.path("eventType").asText()).isEqualTo("FAIL");
    assertThat(fail.path("run").path("facets").path("errorMessage").path("message").asText())
        .isEqualTo(end.error());
    assertThat(VALIDATOR.validate(fail)).isEmpty();
    assertThat(db.dsl().fetchValue("select state from lineage_runs where run_uuid = ?", end.id())).isEqualTo("FAIL");
  }

  @Test
  void aStreamingFlowEmitsRunningWithGrowingCounts() throws Exception {
    FlowId id = new FlowId("stream");
    service.deploy(id, null, null, route("cairn:source:counting?rows=0&perPoll=20",
        "cairn:sink:memory?table=stream"), null, "tester");
    RunEntry run = service.run(id);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (runningCounts(run.id()).size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    runtime.stopRun(id);
    lineage.flush();
    List<Long> counts = runningCounts(run.id());
    assertThat(counts).hasSizeGreaterThanOrEqualTo(3).isSorted();
    assertThat(counts.getFirst()).isLessThan(counts.getLast());
    assertThat(events(run.id()).getLast().path("eventType").asText()).isEqualTo("ABORT");
  }

  private List<Long> runningCounts(String runId) throws Exception {
    List<Long> counts = new ArrayList<>();
    for (JsonNode e : events(runId)) {
      if (e.path("eventType").asText().equals("RUNNING") && e.path("outputs").size() > 0) {
        counts.add(e.path("outputs").get(0).path("outputFacets").path("outputStatistics").path("rowCount").asLong());
      }
    }
    return counts;
  }

  private List<JsonNode> events(String runId) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (Object payload : db.dsl().fetchValues(
        "select payload from lineage_events where run_uuid = ? order by id", runId)) {
      out.add(JSON.readTree(payload.toString()));
    }
    return out;
  }

  /** The run's state is saved before governance hears of its end: wait for its last event to be stored. */
  private void awaitLineageEnd(String runId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      lineage.flush();
      Object state = db.dsl().fetchValue("select state from lineage_runs where run_uuid = ?", runId);
      if (List.of("COMPLETE", "FAIL", "ABORT").contains(String.valueOf(state))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no last lineage event for run " + runId);
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
}
