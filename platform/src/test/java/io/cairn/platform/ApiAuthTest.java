package io.cairn.platform;

import static io.cairn.platform.testkit.TestApp.call;
import static io.cairn.platform.testkit.TestApp.get;
import static io.cairn.platform.testkit.TestApp.post;
import static io.cairn.platform.testkit.TestApp.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.cairn.platform.testkit.TestApp.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Authentication and roles on the real server: Basic, bearer tokens, 401 and 403. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiAuthTest {
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome());
  static final String ADMIN = basic("admin", TestApp.ADMIN_PASSWORD);

  @BeforeAll
  static void users() {
    for (String role : List.of("engineer", "steward", "compliance", "viewer", "marketing")) {
      Reply r = post(APP, "/api/v1/users", ADMIN,
          Map.of("username", role, "password", role + "-password", "roles", List.of(role)));
      assertThat(r.status()).isEqualTo(201);
    }
  }

  @Test
  void everyApiNeedsAuthentication() {
    for (String path : List.of("/api/v1/users", "/api/v1/flows", "/api/v1/datasets", "/api/v1/users/me")) {
      Reply r = get(APP, path, null);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.authenticate()).as(path).isNotNull();
    }
    assertThat(get(APP, "/api/v1/flows", basic("admin", "wrong-password")).status()).isEqualTo(401);
    assertThat(get(APP, "/api/v1/flows", "Bearer cairn_not-a-token").status()).isEqualTo(401);
  }

  @Test
  void healthNeedsNoAuthentication() {
    try (var r = APP.client().target("http://localhost:" + APP.getAdminPort() + "/healthcheck").request().get()) {
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.readEntity(String.class)).contains("\"catalog\"").contains("\"camel\"");
    }
  }

  @Test
  void rolesDecideWhatEachUserMayDo() {
    assertThat(get(APP, "/api/v1/users", basic("viewer", "viewer-password")).status()).isEqualTo(403);
    assertThat(get(APP, "/api/v1/users", basic("engineer", "engineer-password")).status()).isEqualTo(403);
    assertThat(get(APP, "/api/v1/users", ADMIN).status()).isEqualTo(200);
    assertThat(get(APP, "/api/v1/flows", basic("viewer", "viewer-password")).status()).isEqualTo(200);
    Map<String, String> flow = Map.of("id", "x", "definition",
        "- route:\n    from:\n      uri: timer:x?repeatCount=1\n      steps:\n        - to: log:x\n");
    assertThat(post(APP, "/api/v1/flows", basic("steward", "steward-password"), flow).status())
        .isEqualTo(403);
    assertThat(post(APP, "/api/v1/flows", basic("engineer", "engineer-password"), flow).status())
        .isEqualTo(201);
    assertThat(post(APP, "/api/v1/users", basic("compliance", "compliance-password"),
        Map.of("username", "mallory", "password", "mallory-password", "roles", List.of("admin"))).status())
        .isEqualTo(403);
  }

  @Test
  void marketingReadsProfilesSegmentsAndModelsAndNothingElseItMayNot() {
    String marketing = basic("marketing", "marketing-password");
    for (String path : List.of("/api/v1/segments", "/api/v1/models", "/api/v1/profiles/graphs")) {
      assertThat(get(APP, path, marketing).status()).as(path).isEqualTo(200);
    }
    assertThat(get(APP, "/api/v1/segments", basic("viewer", "viewer-password")).status()).isEqualTo(403);
    assertThat(get(APP, "/api/v1/profiles/graphs", basic("compliance", "compliance-password")).status())
        .isEqualTo(403);
    assertThat(get(APP, "/api/v1/users", marketing).status()).isEqualTo(403);
    assertThat(post(APP, "/api/v1/models/m/propensity", marketing, Map.of()).status()).isEqualTo(403);
    assertThat(post(APP, "/api/v1/flows", marketing, Map.of("id", "y", "definition", "x")).status()).isEqualTo(403);
  }

  @Test
  void tokensAuthenticateAndAreShownOnlyOnce() {
    String steward = basic("steward", "steward-password");
    Reply created = post(APP, "/api/v1/users/me/tokens", steward, Map.of("name", "laptop"));
    assertThat(created.status()).isEqualTo(201);
    String token = created.json().get("token").asText();
    assertThat(token).startsWith("cairn_");
    Reply me = get(APP, "/api/v1/users/me", "Bearer " + token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"steward\"").doesNotContain("password");
    assertThat(get(APP, "/api/v1/users/me/tokens", steward).body()).contains("laptop").doesNotContain(token);
    long id = created.json().get("id").asLong();
    assertThat(call(APP, "DELETE", "/api/v1/users/me/tokens/" + id, steward, null).status()).isEqualTo(204);
    assertThat(get(APP, "/api/v1/users/me", "Bearer " + token).status()).isEqualTo(401);
  }

  @Test
  void badRequestsGetAClearMessage() {
    Reply dup = post(APP, "/api/v1/users", ADMIN,
        Map.of("username", "viewer", "password", "whatever-password", "roles", List.of("viewer")));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.body()).contains("already exists");
    Reply weak = post(APP, "/api/v1/users", ADMIN,
        Map.of("username", "weak", "password", "short", "roles", List.of("viewer")));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("at least 8 characters");
    Reply role = post(APP, "/api/v1/users", ADMIN,
        Map.of("username", "odd", "password", "long-enough-password", "roles", List.of("wizard")));
    assertThat(role.status()).isEqualTo(400);
    assertThat(role.body()).contains("unknown role 'wizard'").contains("viewer, marketing");
    Reply none = post(APP, "/api/v1/users", ADMIN,
        Map.of("username", "odd", "password", "long-enough-password", "roles", List.of()));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("give at least one role").contains("viewer, marketing");
    assertThatThrownBy(() -> ((CairnApplication) APP.getApplication()).services().userService().create("odd", "long-enough-password", "Odd", Set.of()))
        .hasMessage("a user needs at least one role"
            + " (admin, engineer, steward, compliance, viewer, marketing)");
  }
}
