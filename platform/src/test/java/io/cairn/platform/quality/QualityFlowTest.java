package io.cairn.platform.quality;

import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.testing.LocalServices;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled quality plugin in flows of a real server: bad rows go to the quarantine with the rule and the
 * offending value while fixed rows reach the sink, and a fail-action rule fails the run.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class QualityFlowTest {
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()));
  static final String ADMIN = TestApp.basic("admin", TestApp.ADMIN_PASSWORD);

  static String flow(Path csv, Path out, String rules) {
    return """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: "%s", format: csv, columns: "id:LONG,email,phone,age:LONG", subjectColumn: id}
              steps:
                - to:
                    uri: "cairn:step:quality"
                    parameters:
                      rules: '%s'
                - to:
                    uri: "cairn:sink:file"
                    parameters: {path: "%s", format: csv, fileName: out.csv}
        """.formatted(csv, rules, out);
  }

  /**
   * Deploys and runs a first flow with a patient client: the first deploy loads Camel's route machinery, which
   * on a busy machine outlasts the test client's read timeout.
   */
  @BeforeAll
  static void warmUp() throws Exception {
    Path csv = Files.writeString(HOME.resolve("warm.csv"), "id,email,phone,age\n1,a@b.io,,30\n");
    Http http = new Http("http://localhost:" + APP.getLocalPort(), ADMIN);
    assertThat(http.postJson("/api/v1/flows", Map.of("id", "warm-up", "definition",
        flow(csv, HOME.resolve("warm"), "[{rule: not_null, column: id}]"))).status()).isEqualTo(201);
    String runId = http.post("/api/v1/flows/warm-up/run").json().get("id").asText();
    assertThat(http.awaitRun("warm-up", runId, java.time.Duration.ofSeconds(60)).get("state").asText())
        .isEqualTo("SUCCEEDED");
  }

  static JsonNode runToEnd(String id) throws InterruptedException {
    String runId = post(APP, "/api/v1/flows/" + id + "/run", ADMIN, null).json().get("id").asText();
    return awaitRun(id, runId).get("run");
  }

  @Test
  void badRowsAreQuarantinedWithRuleAndValueAndFixedRowsReachTheSink() throws Exception {
    Path csv = Files.writeString(HOME.resolve("people.csv"), """
        id,email,phone,age
        1,ann@example.com,06 12 34 56 78,34
        2,not-an-email,0612345678,41
        3,bob@example.com,+33 6 98 76 54 32,
        4,cy@example.com,12,29
        """);
    Path out = HOME.resolve("clean");
    String rules = "[{rule: format, column: email, format: email}, "
        + "{fix: phone_e164, column: phone, region: FR}, "
        + "{rule: format, column: phone, format: phone, region: FR, action: quarantine}, "
        + "{rule: not_null, column: age, action: fix, fix: {fix: fill, value: 0}}]";
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "clean-people", "definition", flow(csv, out, rules)))
        .status()).isEqualTo(201);

    JsonNode run = runToEnd("clean-people");
    assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.get("rowsIn").asLong()).isEqualTo(4);
    assertThat(run.get("rowsOut").asLong()).isEqualTo(2);
    assertThat(run.get("rowsQuarantined").asLong()).isEqualTo(2);
    assertThat(Files.readAllLines(out.resolve("out.csv"))).containsExactly("id,email,phone,age",
        "1,ann@example.com,+33612345678,34", "3,bob@example.com,+33698765432,0");

    JsonNode quarantine = get(APP, "/api/v1/flows/clean-people/quarantine", ADMIN).json();
    assertThat(quarantine).hasSize(2);
    List<String> reasons = List.of(quarantine.get(0).get("reason").asText(), quarantine.get(1).get("reason").asText());
    assertThat(reasons).containsExactlyInAnyOrder(
        "rule 'format:email' on column 'email': value 'not-an-email' is not a valid email",
        "rule 'format:phone' on column 'phone': value '12' is not a valid phone number for FR");
    assertThat(quarantine.findValuesAsText("sourceOffset")).as("the row's provenance is kept").hasSize(2);
    assertThat(quarantine.toString()).contains("not-an-email");

    JsonNode figures = get(APP, "/api/v1/quality/runs/" + run.get("id").asText(), ADMIN).json();
    assertThat(figures).hasSize(1);
    assertThat(figures.get(0).get("step").asText()).isEqualTo("quality");
    JsonNode m = figures.get(0).get("metrics");
    assertThat(m.get("rows").asDouble()).isEqualTo(4);
    assertThat(m.get("validity").asDouble()).as("2 of 4 rows broke a rule; the fixed one counts as valid").isEqualTo(0.5);
    assertThat(m.get("completeness").asDouble()).as("one age of 16 values is missing").isEqualTo(15.0 / 16);
    assertThat(m.get("fixed").asDouble()).as("2 phones to E.164 and 1 age filled").isEqualTo(3);
    assertThat(m.has("uniqueness")).as("no unique rule").isFalse();

    JsonNode again = runToEnd("clean-people");
    assertThat(again.get("rowsIn").asLong()).as("a re-run resumes after the committed offset").isZero();
    JsonNode history = get(APP, "/api/v1/quality/history/clean-people", TestApp.basic("admin", TestApp.ADMIN_PASSWORD)).json();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("runId").asText()).isEqualTo(run.get("id").asText());
    assertThat(history.get(0).get("flowId").asText()).isEqualTo("clean-people");
    assertThat(get(APP, "/api/v1/quality/history/clean-people?limit=0", ADMIN).status()).isEqualTo(400);
    assertThat(get(APP, "/api/v1/quality/history/clean-people", null).status()).isEqualTo(401);
  }

  static JsonNode awaitRun(String flow, String runId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    JsonNode detail;
    do {
      Thread.sleep(50);
      detail = get(APP, "/api/v1/flows/" + flow + "/runs/" + runId, ADMIN).json();
    } while ("RUNNING".equals(detail.get("run").get("state").asText()) && System.currentTimeMillis() < deadline);
    return detail;
  }

  static JsonNode record(long id) {
    return get(APP, "/api/v1/quality/quarantine/" + id, ADMIN).json();
  }

  @Test
  void quarantinedRowsAreFixedThenReplayedThroughTheFlowOnceAndNeverLost() throws Exception {
    Path csv = Files.writeString(HOME.resolve("replay.csv"), """
        id,email,phone,age
        1,ann@example.com,06 12 34 56 78,34
        2,not-an-email,0611111111,41
        3,also bad,0622222222,50
        """);
    Path out = HOME.resolve("replay-out");
    String rules = "[{rule: format, column: email, format: email}, {fix: phone_e164, column: phone, region: FR}]";
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "replay-people", "definition", flow(csv, out, rules)))
        .status()).isEqualTo(201);
    JsonNode first = runToEnd("replay-people");
    assertThat(first.get("rowsQuarantined").asLong()).isEqualTo(2);

    JsonNode waiting = get(APP, "/api/v1/quality/quarantine?flowId=replay-people&status=quarantined", ADMIN).json();
    assertThat(waiting).hasSize(2);
    assertThat(waiting.findValuesAsText("status")).containsOnly("QUARANTINED");
    long dan = waiting.get(1).get("id").asLong();
    long cy = waiting.get(0).get("id").asLong();
    assertThat(record(dan).get("payload").asText()).as("the row as read, as JSON")
        .isEqualTo("{\"id\":2,\"email\":\"not-an-email\",\"phone\":\"0611111111\",\"age\":41}");
    assertThat(record(dan).get("subjectId").asText()).as("the step kept the row's subject").isEqualTo("2");

    // a steward fixes one record's value (set over the others); bad fixes are refused with a reason
    TestApp.Reply fixed = TestApp.call(APP, "PUT", "/api/v1/quality/quarantine/" + dan, ADMIN, Map.of("values",
        Map.of("email", "dan@example.com")));
    assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
    assertThat(fixed.json().get("payload").asText())
        .isEqualTo("{\"id\":2,\"email\":\"dan@example.com\",\"phone\":\"0611111111\",\"age\":41}");
    assertThat(fixed.json().get("editedBy").asText()).isEqualTo("admin");
    TestApp.Reply nested = TestApp.call(APP, "PUT", "/api/v1/quality/quarantine/" + dan, ADMIN,
        Map.of("values", Map.of("email", List.of("x"))));
    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.json().get("message").asText()).contains("column 'email' must be a plain value");
    assertThat(TestApp.call(APP, "PUT", "/api/v1/quality/quarantine/999999", ADMIN, Map.of("values", Map.of("a", 1)))
        .status()).isEqualTo(404);
    assertThat(get(APP, "/api/v1/quality/quarantine?flowId=replay-people", null).status()).isEqualTo(401);
    assertThat(get(APP, "/api/v1/quality/quarantine", ADMIN).status()).as("flowId is required").isEqualTo(400);

    // the replay is a run of the flow: the same steps (phone to E.164), sink and governance
    TestApp.Reply replay = post(APP, "/api/v1/quality/quarantine/replay", ADMIN,
        Map.of("flowId", "replay-people", "ids", List.of(dan)));
    assertThat(replay.status()).as(replay.body()).isEqualTo(202);
    String replayRun = replay.json().get("runId").asText();
    JsonNode detail = awaitRun("replay-people", replayRun);
    JsonNode run = detail.get("run");
    assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.get("trigger").asText()).isEqualTo("replay");
    assertThat(run.get("rowsIn").asLong()).isEqualTo(1);
    assertThat(run.get("rowsOut").asLong()).isEqualTo(1);
    assertThat(detail.get("datasets").toString()).as("read lineage names the original dataset").contains("replay.csv");
    assertThat(Files.readAllLines(out.resolve("out.csv"))).contains("1,ann@example.com,+33612345678,34",
        "2,dan@example.com,+33611111111,41");
    assertThat(get(APP, "/api/v1/quality/runs/" + replayRun, ADMIN).json().get(0).get("metrics").get("rows")
        .asDouble()).as("the quality step measured the replayed row").isEqualTo(1);
    assertThat(record(dan).get("status").asText()).isEqualTo("REPLAYED");
    assertThat(record(dan).get("replayRunId").asText()).isEqualTo(replayRun);

    // never twice: a replayed record cannot be replayed or fixed again
    TestApp.Reply again = post(APP, "/api/v1/quality/quarantine/replay", ADMIN,
        Map.of("flowId", "replay-people", "ids", List.of(dan)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("is REPLAYED");
    assertThat(TestApp.call(APP, "PUT", "/api/v1/quality/quarantine/" + dan, ADMIN,
        Map.of("values", Map.of("id", 2))).status()).isEqualTo(409);
    assertThat(post(APP, "/api/v1/quality/quarantine/replay", ADMIN, Map.of("flowId", "ages", "ids", List.of(cy)))
        .status()).as("records replay only through their own flow").isIn(400, 404);

    // never lost: a record still bad is quarantined again by the replay run, as a new record of that run
    String second = post(APP, "/api/v1/quality/quarantine/replay", ADMIN,
        Map.of("flowId", "replay-people", "ids", List.of(cy))).json().get("runId").asText();
    JsonNode rerun = awaitRun("replay-people", second).get("run");
    assertThat(rerun.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(rerun.get("rowsQuarantined").asLong()).isEqualTo(1);
    assertThat(record(cy).get("status").asText()).isEqualTo("REPLAYED");
    JsonNode anew = get(APP, "/api/v1/quality/quarantine?flowId=replay-people&status=quarantined", ADMIN).json();
    assertThat(anew).singleElement().satisfies(r -> {
      assertThat(r.get("runId").asText()).isEqualTo(second);
      assertThat(r.get("payload").asText()).contains("also bad");
      assertThat(r.get("sourceOffset").asText()).isEqualTo(record(cy).get("sourceOffset").asText());
      assertThat(r.get("subjectId").asText()).as("the replayed row had its subject back").isEqualTo("3");
    });
    JsonNode audit = get(APP, "/api/v1/audit?action=quality.quarantine.replay", ADMIN).json();
    assertThat(audit.findValuesAsText("outcome")).contains("started", "replayed");
  }

  @Test
  void aStoredTableIsProfiledAndAcceptedSuggestionsBecomeASuiteTheStepRunsByName() throws Exception {
    String db = LocalServices.createPostgresDatabase("cairn_profile");
    try {
      try (Connection c = DriverManager.getConnection(db, LocalServices.PG_USER, "");
          Statement s = c.createStatement()) {
        s.execute("create table customers (id bigint primary key, email text not null, country varchar(2), age int)");
        s.execute("insert into customers select g, 'user' || g || '@example.com', case when g % 2 = 0 then 'FR' "
            + "else 'DE' end, 20 + g % 50 from generate_series(1, 500) g");
      }
      // profiling reads the database: a client with a patient timeout (the machine may be busy)
      Http http = new Http("http://localhost:" + APP.getLocalPort(), ADMIN);
      Http.Answer sampled = http.postJson("/api/v1/quality/profile/jdbc",
          Map.of("url", db, "user", "postgres", "table", "customers", "sample", 200));
      assertThat(sampled.status()).as(sampled.body()).isEqualTo(200);
      assertThat(sampled.json().get("rowCount").asInt()).isEqualTo(200);
      assertThat(sampled.json().get("sampled").asBoolean()).isTrue();
      JsonNode full = http.postJson("/api/v1/quality/profile/jdbc",
          Map.of("url", db, "user", "postgres", "table", "public.customers")).json();
      assertThat(full.get("rowCount").asInt()).isEqualTo(500);
      assertThat(full.get("columns").toString()).contains("\"country\"").contains("\"email\"");
      List<JsonNode> accepted = new java.util.ArrayList<>();
      full.get("suggestions").forEach(sg -> {
        JsonNode e = sg.get("expectation");
        if (e.get("expectation_type").asText().equals("expect_column_values_to_not_be_null")
            && e.get("kwargs").get("column").asText().equals("email")) {
          accepted.add(e);
        }
      });
      assertThat(accepted).as(full.get("suggestions").toString()).hasSize(1);
      assertThat(full.get("suggestions").toString()).as("country has two values").contains("expect_column_values_to_be_in_set");

      // the steward accepts it into a stored suite, which a flow runs by name
      TestApp.Reply saved = post(APP, "/api/v1/quality/suites", ADMIN,
          Map.of("name", "customers", "description", "from the warehouse", "expectations", accepted));
      assertThat(saved.status()).as(saved.body()).isEqualTo(201);
      assertThat(get(APP, "/api/v1/quality/suites", ADMIN).json().findValuesAsText("name")).contains("customers");
      assertThat(get(APP, "/api/v1/quality/suites/customers", ADMIN).json().get("expectations")).hasSize(1);
      Path csv = Files.writeString(HOME.resolve("suite.csv"), "id,email,phone,age\n1,a@x.io,,30\n2,,,40\n");
      Path out = HOME.resolve("suite-out");
      String definition = flow(csv, out, "[]").replace("rules: '[]'", "{suiteName: customers, suiteAction: quarantine}");
      TestApp.Reply deployed = post(APP, "/api/v1/flows", ADMIN, Map.of("id", "by-suite", "definition", definition));
      assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
      JsonNode run = runToEnd("by-suite");
      assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
      assertThat(run.get("rowsOut").asLong()).isEqualTo(1);
      assertThat(get(APP, "/api/v1/flows/by-suite/quarantine", ADMIN).json().findValuesAsText("reason"))
          .singleElement().asString().contains("expect_column_values_to_not_be_null:email");

      // failure paths
      assertThat(post(APP, "/api/v1/quality/suites", ADMIN, Map.of("name", "bad",
          "expectations", List.of(Map.of("expectation_type", "expect_nothing"))))).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("expect_nothing");
          });
      assertThat(post(APP, "/api/v1/quality/suites", ADMIN, Map.of("name", "../x", "expectations", accepted))
          .status()).isEqualTo(400);
      assertThat(get(APP, "/api/v1/quality/suites/nope", ADMIN).status()).isEqualTo(404);
      assertThat(post(APP, "/api/v1/quality/suites", null, Map.of()).status()).isEqualTo(401);
      assertThat(http.postJson("/api/v1/quality/profile/jdbc", Map.of("url", db, "table", "customers; drop table x"))
          .status()).isEqualTo(400);
      Http.Answer missing = http.postJson("/api/v1/quality/profile/jdbc",
          Map.of("url", db, "user", "postgres", "table", "no_such_table"));
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.body()).contains("no_such_table");
    } finally {
      LocalServices.dropPostgresDatabase(db);
    }
  }

  @Test
  void aFailActionRuleFailsTheRunWithTheRuleAndValue() throws Exception {
    Path csv = Files.writeString(HOME.resolve("ages.csv"), "id,email,phone,age\n1,a@b.io,,30\n2,c@d.io,,250\n");
    Path out = HOME.resolve("ages-out");
    String rules = "[{rule: range, column: age, min: 0, max: 130, action: fail}]";
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "ages", "definition", flow(csv, out, rules)))
        .status()).isEqualTo(201);
    JsonNode run = runToEnd("ages");
    assertThat(run.get("state").asText()).isEqualTo("FAILED");
    assertThat(run.get("error").asText()).contains("rule 'range:age' on column 'age': value '250' is not >= 0 and <= 130");
    assertThat(run.get("rowsOut").asLong()).as("the failing batch is not written").isZero();
    JsonNode m = get(APP, "/api/v1/quality/runs/" + run.get("id").asText(), ADMIN).json().get(0).get("metrics");
    assertThat(m.get("validity").asDouble()).as("a failed run keeps its figures").isEqualTo(0.5);
  }

  @Test
  void badRulesAreRefusedWhenTheFlowRuns() throws Exception {
    Path csv = Files.writeString(HOME.resolve("x.csv"), "id,email,phone,age\n1,a@b.io,,30\n");
    String rules = "[{rule: not_a_rule, column: age}]";
    post(APP, "/api/v1/flows", ADMIN, Map.of("id", "bad-rules", "definition", flow(csv, HOME.resolve("x"), rules)));
    JsonNode run = runToEnd("bad-rules");
    assertThat(run.get("state").asText()).isEqualTo("FAILED");
    assertThat(run.get("error").asText()).contains("unknown rule 'not_a_rule'");
  }

  @Test
  void rulesWithUriSpecialCharactersReachTheStepIntact() throws Exception {
    Path csv = Files.writeString(HOME.resolve("special.csv"),
        "id,email,phone,age\n1,a+tag@b.io,+33 6 12 34 56 78,30\n2,c@d.io,+49 30 901820,40\n3,e@f.io,+33 6 98 76 54 32,15\n");
    Path out = HOME.resolve("special-out");
    String rules = "[{rule: regex, column: phone, pattern: \"^\\\\+33\"}, "
        + "{rule: expression, expression: \"age >= 18 && age % 5 == 0\"}, "
        + "{rule: regex, column: email, pattern: \"^[a-z]+(\\\\+[a-z]+)?@\"}]";
    TestApp.Reply deployed = post(APP, "/api/v1/flows", ADMIN, Map.of("id", "special",
        "definition", flow(csv, out, "RAW(" + rules + ")")));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    JsonNode run = runToEnd("special");
    assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    assertThat(Files.readAllLines(out.resolve("out.csv"))).containsExactly("id,email,phone,age",
        "1,a+tag@b.io,+33 6 12 34 56 78,30");
    assertThat(get(APP, "/api/v1/flows/special/quarantine", ADMIN).json().findValuesAsText("reason"))
        .containsExactlyInAnyOrder(
            "rule 'regex:phone' on column 'phone': value '+49 30 901820' does not match /^\\+33/",
            "rule 'expression': expression 'age >= 18 && age % 5 == 0' is false");
  }
}
