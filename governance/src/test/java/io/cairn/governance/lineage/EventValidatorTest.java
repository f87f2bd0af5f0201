package io.cairn.governance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.governance.lineage.testing.OpenLineageFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator against the spec's own fixtures and against broken events. */
class EventValidatorTest {
  private static final EventValidator VALIDATOR = new EventValidator();

  @Test
  void everySpecFixtureIsValidInItsPlace() {
    Map<String, ObjectNode> events = OpenLineageFixtures.facetEvents();
    assertThat(events).hasSizeGreaterThan(40);
    events.forEach((name, event) -> assertThat(VALIDATOR.validate(event)).as(name).isEmpty());
  }

  @Test
  void theSpecsFullExampleIsValid() throws Exception {
    var example = new ObjectMapper().readTree(OpenLineageFixtures.specDir().resolve("tests/example_full_event.json")
        .toFile());
    assertThat(VALIDATOR.validate(example)).isEmpty();
  }

  @Test
  void brokenEnvelopesAreRefusedWithTheReason() {
    ObjectNode noTime = OpenLineageFixtures.runEvent("ns", "job", "a", "b");
    noTime.remove("eventTime");
    assertThat(VALIDATOR.validate(noTime)).anySatisfy(p -> assertThat(p).contains("eventTime"));

    ObjectNode badRunId = OpenLineageFixtures.runEvent("ns", "job", "a", "b");
    ((ObjectNode) badRunId.path("run")).put("runId", "not-a-uuid");
    assertThat(VALIDATOR.validate(badRunId)).anySatisfy(p -> assertThat(p).contains("runId"));

    ObjectNode badType = OpenLineageFixtures.runEvent("ns", "job", "a", "b");
    badType.put("eventType", "EXPLODED");
    assertThat(VALIDATOR.validate(badType)).isNotEmpty();
  }

  @Test
  void brokenStandardFacetsAreRefusedWithTheirPath() {
    ObjectNode event = OpenLineageFixtures.runEvent("ns", "job", "a", "b");
    ((ObjectNode) event.path("run").path("facets")).putObject("errorMessage")
        .put("_producer", "https://example.org").put("_schemaURL",
            "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json")
        .put("message", "boom");
    assertThat(VALIDATOR.validate(event)).anySatisfy(p -> assertThat(p)
        .contains("$.run.facets.errorMessage").contains("programmingLanguage"));

    ObjectNode schema = OpenLineageFixtures.runEvent("ns", "job", "a", "b");
    ((ObjectNode) schema.path("outputs").get(0).path("facets")).putObject("schema")
        .put("_producer", "https://example.org").put("_schemaURL",
            "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json")
        .put("fields", "not a list");
    assertThat(VALIDATOR.validate(schema)).anySatisfy(p -> assertThat(p).contains("$.outputs[0].facets.schema"));
  }

  @Test
  void customFacetsNeedOnlyProducerAndSchemaUrl() {
    ObjectNode ok = OpenLineageFixtures.runEvent("ns", "job", "a", "b");
    ((ObjectNode) ok.path("run").path("facets")).putObject("acme_cost").put("_producer", "https://acme.example")
        .put("_schemaURL", "https://acme.example/CostFacet.json").put("dollars", 3);
    assertThat(VALIDATOR.validate(ok)).isEmpty();

    ObjectNode bad = OpenLineageFixtures.runEvent("ns", "job", "a", "b");
    ((ObjectNode) bad.path("run").path("facets")).putObject("acme_cost").put("dollars", 3);
    assertThat(VALIDATOR.validate(bad)).isNotEmpty();
  }
}
