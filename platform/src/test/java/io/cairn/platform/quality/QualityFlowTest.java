package io.cairn.platform.quality;

import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  static JsonNode runToEnd(String id) throws InterruptedException {
    String runId = post(APP, "/api/v1/flows/" + id + "/run", ADMIN, null).json().get("id").asText();
    long deadline = System.currentTimeMillis() + 30_000;
    JsonNode run;
    do {
      Thread.sleep(50);
      run = get(APP, "/api/v1/flows/" + id + "/runs/" + runId, ADMIN).json().get("run");
    } while ("RUNNING".equals(run.get("state").asText()) && System.currentTimeMillis() < deadline);
    return run;
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
