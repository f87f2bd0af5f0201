package io.cairn.platform.quality;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.Http;
import io.cairn.platform.testkit.TestApp;
import io.cairn.platform.testkit.TestApp.Reply;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v1/quality} on a real server: GX-shaped results, 400s that say why, roles. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QualityApiTest {
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome());
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);
  static final String STEWARD = basic("steward", "steward-password");
  static final String VALIDATE = "/api/v1/quality/validate";

  /** Users are created with a patient client: hashing their passwords outlasts the default timeout on a busy machine. */
  @BeforeAll
  static void users() throws Exception {
    Http http = new Http("http://localhost:" + APP.getLocalPort(), ADMIN);
    for (String role : List.of("engineer", "steward", "viewer", "compliance")) {
      assertThat(http.postJson("/api/v1/users",
          Map.of("username", role, "password", role + "-password", "roles", List.of(role))).status()).isEqualTo(201);
    }
  }

  static Map<String, Object> body(List<?> expectations) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("email", Arrays.asList("a@x.io", null, "b@x.io", "bad", "a@x.io"));
    data.put("age", Arrays.asList(20, 35, null, 17, 90.5));
    return Map.of("data", data, "expectations", expectations);
  }

  static Map<String, Object> exp(String type, Map<String, Object> kwargs) {
    return Map.of("expectation_type", type, "kwargs", kwargs);
  }

  @Test
  void aSuiteOnASampleAnswersGxShapedResultsInOrder() {
    Reply r = post(APP, VALIDATE, STEWARD, body(List.of(
        exp("expect_column_values_to_not_be_null", Map.of("column", "email", "mostly", 0.8)),
        exp("expect_column_values_to_match_regex", Map.of("column", "email", "regex", "@x\\.io$")),
        exp("expect_column_max_to_be_between", Map.of("column", "age", "max_value", 90)),
        exp("expect_table_row_count_to_be_between", Map.of("min_value", 1, "max_value", 10)),
        exp("expect_column_to_exist", Map.of("column", "phone")))));
    assertThat(r.status()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(json.get("statistics").get("evaluated_expectations").asInt()).isEqualTo(5);
    assertThat(json.get("statistics").get("successful_expectations").asInt()).isEqualTo(2);
    JsonNode results = json.get("results");
    assertThat(results).hasSize(5);
    assertThat(results.get(0).get("success").asBoolean()).isTrue();
    assertThat(results.get(0).get("result").get("unexpected_count").asInt()).isEqualTo(1);
    assertThat(results.get(0).get("result").get("unexpected_percent").asDouble()).isEqualTo(20.0);
    assertThat(results.get(0).get("expectation_config").get("expectation_type").asText())
        .isEqualTo("expect_column_values_to_not_be_null");
    JsonNode regex = results.get(1);
    assertThat(regex.get("success").asBoolean()).isFalse();
    assertThat(regex.get("result").get("unexpected_list").toString()).isEqualTo("[\"bad\"]");
    assertThat(regex.get("result").get("partial_unexpected_list").toString()).isEqualTo("[\"bad\"]");
    assertThat(regex.get("result").get("unexpected_percent").asDouble()).isEqualTo(25.0);
    assertThat(regex.get("exception_info").get("raised_exception").asBoolean()).isFalse();
    assertThat(results.get(2).get("result").get("observed_value").asDouble()).isEqualTo(90.5);
    assertThat(results.get(2).get("success").asBoolean()).isFalse();
    assertThat(results.get(3).get("result").get("observed_value").asInt()).isEqualTo(5);
    assertThat(results.get(4).get("success").asBoolean()).isFalse();
  }

  @Test
  void engineersMayValidateViewersMayNotAndAnonymousMustLogIn() {
    Map<String, Object> body = body(List.of(exp("expect_table_row_count_to_equal", Map.of("value", 5))));
    assertThat(post(APP, VALIDATE, basic("engineer", "engineer-password"), body).status()).isEqualTo(200);
    assertThat(post(APP, VALIDATE, ADMIN, body).status()).isEqualTo(200);
    assertThat(post(APP, VALIDATE, basic("viewer", "viewer-password"), body).status()).isEqualTo(403);
    assertThat(post(APP, VALIDATE, basic("compliance", "compliance-password"), body).status()).isEqualTo(403);
    assertThat(post(APP, VALIDATE, null, body).status()).isEqualTo(401);
    assertThat(post(APP, VALIDATE, basic("steward", "wrong"), body).status()).isEqualTo(401);
  }

  @Test
  void badRequestsAreRefusedWithAClearMessage() {
    assertBad(body(List.of(exp("expect_column_values_to_be_purple", Map.of("column", "email")))),
        "expectation 1: unknown expectation type 'expect_column_values_to_be_purple'");
    assertBad(body(List.of(exp("expect_table_row_count_to_equal", Map.of("value", 5)),
        exp("expect_column_values_to_be_between", Map.of("column", "age")))),
        "expectation 2: expect_column_values_to_be_between: min_value and max_value cannot both be None");
    assertBad(body(List.of(exp("expect_column_values_to_not_be_null", Map.of("column", "email", "mostly", 2)))),
        "kwarg 'mostly' must be between 0 and 1");
    assertBad(body(List.of(Map.of("kwargs", Map.of()))), "expectation 1 has no 'expectation_type'");
    assertBad(body(List.of()), "'expectations' must be a non-empty list");
    assertBad(Map.of("data", Map.of("a", List.of(1, 2), "b", List.of(1)), "expectations",
        List.of(exp("expect_table_row_count_to_equal", Map.of("value", 2)))), "values but column '");
    assertBad(Map.of("data", Map.of("a", List.of(Map.of("x", 1))), "expectations",
        List.of(exp("expect_table_row_count_to_equal", Map.of("value", 1)))), "nested objects and lists are not supported");
    assertBad(Map.of("data", List.of(1), "expectations", List.of()), "'data' must be an object of columns");
    assertBad(List.of(1, 2), "the body must be a JSON object");
    Reply notJson = post(APP, VALIDATE, STEWARD, Entity.entity("{oops", "application/json"));
    assertThat(notJson.status()).isEqualTo(400);
  }

  static void assertBad(Object body, String message) {
    Reply r = post(APP, VALIDATE, STEWARD, body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains(message);
  }

  @Test
  void profilesASampleAndSuggestsRulesThatHoldOnIt() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", List.of(1, 2, 3, 4));
    data.put("country", List.of("FR", "DE", "FR", "DE"));
    data.put("email", Arrays.asList("a@x.io", "b@x.io", null, "c@x.io"));
    Reply r = post(APP, "/api/v1/quality/profile", STEWARD, Map.of("data", data));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("rowCount").asInt()).isEqualTo(4);
    JsonNode email = json.get("columns").get(2);
    assertThat(email.get("type").asText()).isEqualTo("email");
    assertThat(email.get("nullShare").asDouble()).isEqualTo(0.25);
    assertThat(email.get("distinctCount").asInt()).isEqualTo(3);
    assertThat(json.get("columns").get(0).get("mean").asDouble()).isEqualTo(2.5);
    assertThat(json.get("columns").get(1).get("topValues").get(0).get("count").asInt()).isEqualTo(2);
    JsonNode suggestions = json.get("suggestions");
    assertThat(suggestions.toString()).contains("expect_column_values_to_be_unique")
        .contains("\"value_set\":[\"DE\",\"FR\"]").contains("\"rule\":\"in_set\"");

    Reply check = post(APP, VALIDATE, STEWARD, Map.of("data", data, "expectations",
        suggestions.findValues("expectation")));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.json().get("success").asBoolean()).as("accepted suggestions hold on their sample").isTrue();

    assertThat(post(APP, "/api/v1/quality/profile", basic("viewer", "viewer-password"), Map.of("data", data))
        .status()).isEqualTo(403);
    assertThat(post(APP, "/api/v1/quality/profile", STEWARD, Map.of("data", "x")).status()).isEqualTo(400);
  }
}
