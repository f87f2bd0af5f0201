package io.cairn.platform.audit;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.governance.masking.Digests;
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

/** The built-in mask step in a real flow (bundled file connector): masked output, audit per batch, detokenising. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MaskFlowTest {
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()),
      ConfigOverride.config("batchSize", "2"));
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);

  @Test
  void aFlowMasksItsColumnsAndTheAuditShowsEachBatch() throws Exception {
    JsonNode extensions = get(APP, "/api/v1/extensions", ADMIN).json();
    assertThat(extensions.toString()).contains("\"plugin\":\"cairn-host\"").contains("\"name\":\"mask\"");
    Path in = Files.createDirectories(HOME.resolve("in")).resolve("customers.csv");
    Files.writeString(in, """
        id,email,phone,name,card,birth_date
        1, Ann@Example.com ,(415) 555-0123,Ann Lee,4111111111111111,1990-05-17
        2,bob@example.com,not a phone,Bob Ray,5500000000000004,1984-02-29
        3,,,Cy Oh,,
        """);
    Path out = HOME.resolve("out");
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters:
                path: %s
                format: csv
                columns: "id:LONG,email:STRING,phone:STRING,name:STRING,card:STRING,birth_date:DATE"
                subjectColumn: id
              steps:
                - to:
                    uri: "cairn:step:mask"
                    parameters:
                      columns: "email=sha256:email,phone=hmac:phone:US,name=token:name,card=partial:0:4,birth_date=month"
                - to:
                    uri: "cairn:sink:file"
                    parameters:
                      path: %s
                      format: csv
                      fileName: masked.csv
        """.formatted(in, out);
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "mask-customers", "definition", route)).status())
        .isEqualTo(201);
    String runId = post(APP, "/api/v1/flows/mask-customers/run", ADMIN, null).json().get("id").asText();
    JsonNode run = TestApp.awaitRun(APP, "mask-customers", runId, ADMIN);
    assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

    List<String> lines = Files.readAllLines(out.resolve("masked.csv"));
    assertThat(lines).hasSize(4);
    assertThat(String.join("\n", lines)).doesNotContain("Ann@", "ann@", "Ann Lee", "4111111111111111", "555-0123",
        "1990-05-17");
    String[] ann = lines.get(1).split(",", -1);
    assertThat(ann[1]).isEqualTo(Digests.sha256Hex("ann@example.com"));
    assertThat(ann[2]).hasSize(64);
    assertThat(ann[3]).startsWith("tok_");
    assertThat(ann[4]).isEqualTo("************1111");
    assertThat(ann[5]).isEqualTo("1990-05-01");
    assertThat(lines.get(2).split(",", -1)[2]).as("not a phone: null, not a hash of junk").isEmpty();

    JsonNode masked = get(APP, "/api/v1/audit?action=mask.step&limit=1000", ADMIN).json();
    assertThat(masked).as("the decision at the first batch and the run's summary, not one per batch").hasSize(2);
    assertThat(masked.get(0).get("actor").asText()).isEqualTo("flow:mask-customers");
    assertThat(masked.get(0).get("details").asText()).contains("\"phase\":\"decision\"").contains("sha256:email")
        .contains(runId).doesNotContain("Ann");
    assertThat(masked.get(1).get("details").asText()).as("3 rows in batches of 2")
        .contains("\"phase\":\"summary\"").contains("\"batches\":2").contains("\"rows\":3").contains(runId);

    JsonNode revealed = post(APP, "/api/v1/tokens/detokenise", ADMIN,
        Map.of("domain", "name", "tokens", List.of(ann[3]))).json();
    assertThat(revealed.get("values").get(ann[3]).asText()).isEqualTo("Ann Lee");
    assertThat(get(APP, "/api/v1/audit?action=tokens.reveal", ADMIN).json()).hasSize(1);
    assertThat(Files.exists(HOME.resolve("keys").resolve("masking.key"))).as("generated managed key").isTrue();
  }

  @Test
  void aBadMaskFailsTheRunWithAClearMessage() throws Exception {
    Path in = Files.createDirectories(HOME.resolve("in2")).resolve("a.csv");
    Files.writeString(in, "id,email\n1,a@b.c\n");
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters: {path: %s, format: csv, columns: "id:LONG,email:STRING"}
              steps:
                - to: {uri: "cairn:step:mask", parameters: {columns: "email=scramble"}}
                - to: {uri: "cairn:sink:file", parameters: {path: %s, format: csv}}
        """.formatted(in, HOME.resolve("out2"));
    assertThat(post(APP, "/api/v1/flows", ADMIN, Map.of("id", "bad-mask", "definition", route)).status())
        .isEqualTo(201);
    String runId = post(APP, "/api/v1/flows/bad-mask/run", ADMIN, null).json().get("id").asText();
    JsonNode run = TestApp.awaitRun(APP, "bad-mask", runId, ADMIN);
    assertThat(run.get("state").asText()).isEqualTo("FAILED");
    assertThat(run.get("error").asText()).contains("unknown mask 'scramble'");
  }
}
