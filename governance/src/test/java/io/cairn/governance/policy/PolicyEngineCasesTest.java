package io.cairn.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.spi.data.DatasetRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.ranger.plugin.model.RangerPolicy;
import org.apache.ranger.plugin.util.JsonUtilsV2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policy-engine cases in the style of Ranger's own {@code policyengine/*.json} test files (policies plus
 * requests with expected results), written for Cairn's service-def: access allow and deny, deny items,
 * implied grants, tag deny, resource and tag masks, row filters.
 */
class PolicyEngineCasesTest {
  static final String FILE = "/policyengine/test_policyengine_cairn.json";
  /** Every case file: flows' access, masks and row filters; previews and exports through the REST API. */
  static final List<String> FILES = List.of(FILE, "/policyengine/test_policyengine_cairn_preview.json");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, PolicyEngine> ENGINES = new HashMap<>();

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new java.util.ArrayList<>();
    for (String file : FILES) {
      JsonNode doc;
      try (InputStream in = PolicyEngineCasesTest.class.getResourceAsStream(file)) {
        doc = JSON.readTree(in);
      }
      ENGINES.computeIfAbsent(file, f -> {
        try {
          return new PolicyEngine(policies(doc.get("policies")));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      String name = file.substring(file.lastIndexOf('/') + 1);
      doc.get("tests").forEach(t -> out.add(Arguments.of(name + ": " + t.get("name").asText(), file, t)));
    }
    return out.stream();
  }

  static List<RangerPolicy> policies(JsonNode array) throws IOException {
    List<RangerPolicy> out = new java.util.ArrayList<>();
    for (JsonNode p : array) {
      out.add(JsonUtilsV2.jsonToObj(p.toString(), RangerPolicy.class));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replays(String name, String file, JsonNode test) {
    PolicyEngine engine = ENGINES.get(file);
    JsonNode req = test.get("request");
    Map<String, String> elements = new HashMap<>();
    req.get("resource").get("elements").properties().forEach(e -> elements.put(e.getKey(), e.getValue().asText()));
    Set<String> groups = new HashSet<>();
    req.get("userGroups").forEach(g -> groups.add(g.asText()));
    Set<String> tags = new HashSet<>();
    req.get("tags").forEach(t -> tags.add(t.asText()));
    Subject who = new Subject(req.get("user").asText(), groups);
    CairnResource resource = new CairnResource(elements);
    if (test.has("result")) {
      Decisions.Access a = engine.access(who, resource, req.get("accessType").asText(), tags);
      assertThat(a.allowed()).as("allowed").isEqualTo(test.get("result").get("isAllowed").asBoolean());
      assertThat(a.policyId()).as("policy").isEqualTo(test.get("result").get("policyId").asLong());
    }
    if (test.has("dataMaskResult")) {
      JsonNode expected = test.get("dataMaskResult");
      Optional<Decisions.Mask> m = engine.mask(who, new DatasetRef(elements.get("namespace"),
          elements.get("dataset")), elements.get("column"), tags);
      if (expected.get("maskType").isNull()) {
        assertThat(m).isEmpty();
      } else {
        assertThat(m).hasValueSatisfying(mask -> {
          assertThat(mask.maskType()).isEqualTo(expected.get("maskType").asText());
          assertThat(mask.policyId()).isEqualTo(expected.get("policyId").asLong());
          if (expected.has("valueExpr")) {
            assertThat(mask.valueExpr()).isEqualTo(expected.get("valueExpr").asText());
          }
        });
      }
    }
    if (test.has("rowFilterResult")) {
      JsonNode expected = test.get("rowFilterResult");
      Optional<Decisions.RowFilter> f = engine.rowFilter(who, new DatasetRef(elements.get("namespace"),
          elements.get("dataset")));
      if (expected.get("filterExpr").isNull()) {
        assertThat(f).isEmpty();
      } else {
        assertThat(f).hasValue(new Decisions.RowFilter(expected.get("filterExpr").asText(),
            expected.get("policyId").asLong()));
      }
    }
  }
}
