package io.cairn.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.policy.PolicyRepository;
import io.cairn.governance.masking.MaskSpecs;
import io.cairn.governance.testing.Catalogs;
import io.cairn.spi.data.DatasetRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Import of a Ranger Admin export (exportJson) and export back. */
class RangerExportsTest {
  static final String EXPORT = """
      {"metaDataInfo": {"Host name": "ranger.example", "Exported by": "admin", "Ranger apache version": "2.4.0"},
       "policies": [
        {"id": 17, "guid": "a1", "version": 3, "service": "cairn_prod", "serviceType": "cairn",
         "name": "analysts read crm", "isEnabled": true, "policyType": 0, "createdBy": "Admin",
         "resources": {"namespace": {"values": ["postgres://*"]}, "dataset": {"values": ["crm.*"]},
                       "column": {"values": ["*"]}},
         "policyItems": [{"accesses": [{"type": "read", "isAllowed": true}], "groups": ["analyst"]}]},
        {"id": 18, "service": "tags_prod", "serviceType": "tag", "name": "hash PII", "isEnabled": true,
         "policyType": 1, "resources": {"tag": {"values": ["PII"]}},
         "dataMaskPolicyItems": [{"accesses": [{"type": "cairn:read", "isAllowed": true}], "groups": ["analyst"],
           "dataMaskInfo": {"dataMaskType": "cairn:MASK_NULL"}}]},
        {"id": 19, "service": "cairn_prod", "serviceType": "cairn", "name": "scripted", "isEnabled": true,
         "resources": {"flow": {"values": ["*"]}},
         "conditions": [{"type": "_expression", "values": ["ctx.isAccessedBefore('2030-01-01')"]}],
         "policyItems": [{"accesses": [{"type": "deploy", "isAllowed": true}], "groups": ["public"]}]}
       ]}
      """;

  @Test
  void importsValidPoliciesSkipsKnownOnesAndExportsBack() throws Exception {
    PolicyEngine engine = new PolicyEngine(List.of());
    PolicyService service = new PolicyService(new PolicyRepository(Catalogs.h2()), engine,
        new PolicyValidator(engine, new MaskSpecs(null, null, Clock.systemUTC())));
    RangerExports exports = new RangerExports(service);

    RangerExports.ImportResult r = exports.importJson(EXPORT, "compliance");
    assertThat(r.created()).as(r.refused().toString()).containsExactly("analysts read crm", "hash PII");
    assertThat(r.refused()).containsOnlyKeys("scripted");
    assertThat(r.refused().get("scripted").toString()).contains("conditions are not supported");
    Subject ann = Subject.of("ann", "analyst");
    DatasetRef crm = new DatasetRef("postgres://db:5432", "crm.people");
    assertThat(engine.access(ann, CairnResource.column(crm, "email"), "read", Set.of()).allowed()).isTrue();
    assertThat(engine.mask(ann, crm, "email", Set.of("PII"))).hasValueSatisfying(m ->
        assertThat(m.maskType()).isEqualTo("MASK_NULL"));

    assertThat(exports.importJson(EXPORT, "compliance").skipped()).containsExactly("analysts read crm", "hash PII");

    JsonNode out = new ObjectMapper().readTree(exports.exportJson("compliance"));
    assertThat(out.get("metaDataInfo").get("Exported by").asText()).isEqualTo("compliance");
    assertThat(out.get("policies")).hasSize(2);
    assertThat(out.get("policies").get(1).get("serviceType").asText()).isEqualTo("tag");
    assertThat(out.get("policies").get(1).get("service").asText()).isEqualTo("cairn-tags");
    RangerExports.ImportResult again = new RangerExports(new PolicyService(new PolicyRepository(Catalogs.h2()),
        engine, new PolicyValidator(engine, new MaskSpecs(null, null, Clock.systemUTC()))))
        .importJson(out.toString(), "c");
    assertThat(again.created()).as("an export imports into another catalog").hasSize(2);
    assertThat(again.refused()).isEqualTo(Map.of());

    assertThatThrownBy(() -> exports.importJson("{\"policy\": []}", "c")).hasMessageContaining("no \"policies\"");
    assertThatThrownBy(() -> exports.importJson("nope", "c")).hasMessageContaining("not JSON");
  }
}
