package io.cairn.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.policy.PolicyRepository;
import io.cairn.governance.masking.MaskSpecs;
import io.cairn.governance.testing.Catalogs;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Policies saved in the catalog (H2 and PostgreSQL), validated, and pushed to the engine on every change. */
class PolicyServiceTest {
  static final String READ_ALL = """
      {"name": "%s", "service": "cairn", "resources": {"namespace": {"values": ["*"]}, "dataset": {"values": ["*"]},
       "column": {"values": ["*"]}},
       "policyItems": [{"accesses": [{"type": "read", "isAllowed": true}], "groups": ["analyst"]}]%s}
      """;

  @AfterAll
  static void drop() {
    Catalogs.dropAll();
  }

  static PolicyService service(CatalogDatabase db, PolicyEngine engine) {
    return new PolicyService(new PolicyRepository(db), engine,
        new PolicyValidator(engine, new MaskSpecs(null, null, Clock.systemUTC())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.cairn.governance.testing.Catalogs#both")
  void policiesAreStoredAndDecideAtOnce(String name, CatalogDatabase db) {
    PolicyEngine engine = new PolicyEngine(List.of());
    PolicyService service = service(db, engine);
    CairnResource col = new CairnResource(java.util.Map.of("namespace", "file", "dataset", "/a.csv", "column", "x"));
    Subject ann = Subject.of("ann", "analyst");
    assertThat(engine.access(ann, col, "read", Set.of()).allowed()).isFalse();

    RangerPolicy created = service.create(READ_ALL.formatted("analysts read", ""), "compliance");
    assertThat(created.getId()).isPositive();
    assertThat(engine.access(ann, col, "read", Set.of()).policyId()).isEqualTo(created.getId());
    assertThat(service.all()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("analysts read"));

    assertThatThrownBy(() -> service.create(READ_ALL.formatted("analysts read", ""), "compliance"))
        .hasMessageContaining("already exists");
    assertThat(service.update(created.getId(), READ_ALL.formatted("analysts read", "").replace("analyst\"]",
        "nobody\"]"), "compliance")).isPresent();
    assertThat(engine.access(ann, col, "read", Set.of()).allowed()).as("pushed at once").isFalse();

    PolicyEngine fresh = new PolicyEngine(List.of());
    service(db, fresh).load();
    assertThat(fresh.access(Subject.of("x", "nobody"), col, "read", Set.of()).allowed()).as("kept in the catalog")
        .isTrue();
    assertThat(service.delete(created.getId())).isTrue();
    assertThat(service.delete(created.getId())).isFalse();
    assertThat(service.update(created.getId(), READ_ALL.formatted("x", ""), "c")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.cairn.governance.testing.Catalogs#both")
  void policiesThatCouldFailOpenAreRefusedAtSave(String name, CatalogDatabase db) {
    PolicyService service = service(db, new PolicyEngine(List.of()));
    assertThatThrownBy(() -> service.create(READ_ALL.formatted("script", """
        , "conditions": [{"type": "_expression", "values": ["true"]}]"""), "c"))
        .hasMessageContaining("conditions are not supported");
    assertThatThrownBy(() -> service.create(READ_ALL.formatted("item script", "").replace("\"groups\"",
        "\"conditions\": [{\"type\": \"_expression\", \"values\": [\"ctx.isAccessedAfter('2020')\"]}], \"groups\""), "c"))
        .hasMessageContaining("conditions on policy items");
    assertThatThrownBy(() -> service.create("""
        {"name": "macro", "service": "cairn", "policyType": 2,
         "resources": {"namespace": {"values": ["*"]}, "dataset": {"values": ["orders"]}},
         "rowFilterPolicyItems": [{"accesses": [{"type": "read", "isAllowed": true}], "groups": ["analyst"],
           "rowFilterInfo": {"filterExpr": "country = ${{USER.country}}"}}]}""", "c"))
        .hasMessageContaining("row filter");
    assertThatThrownBy(() -> service.create("""
        {"name": "custom", "service": "cairn", "policyType": 1,
         "resources": {"namespace": {"values": ["*"]}, "dataset": {"values": ["*"]}, "column": {"values": ["email"]}},
         "dataMaskPolicyItems": [{"accesses": [{"type": "read", "isAllowed": true}], "groups": ["analyst"],
           "dataMaskInfo": {"dataMaskType": "CUSTOM", "valueExpr": "upper(email)"}}]}""", "c"))
        .hasMessageContaining("custom mask").hasMessageContaining("unknown mask");
    assertThatThrownBy(() -> service.create(READ_ALL.formatted("bad access", "").replace("\"read\"", "\"select\""), "c"))
        .hasMessageContaining("unknown access type 'select'");
    assertThatThrownBy(() -> service.create(READ_ALL.formatted("bad resource", "").replace("\"dataset\"", "\"table\""),
        "c")).hasMessageContaining("unknown resource 'table'");
    assertThatThrownBy(() -> service.create(READ_ALL.formatted("hive", "").replace("\"cairn\"", "\"hivedev\""), "c"))
        .hasMessageContaining("service must be");
    assertThatThrownBy(() -> service.create("not json", "c")).hasMessageContaining("not a Ranger policy");
    assertThat(service.all()).isEmpty();
  }
}
