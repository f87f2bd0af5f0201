package io.cairn.platform.policy;

import static io.cairn.platform.testkit.TestApp.basic;
import static io.cairn.platform.testkit.TestApp.call;
import static io.cairn.platform.testkit.TestApp.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.cairn.platform.testkit.TestApp.Reply;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.client.Entity;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The roles x endpoints matrix, found rather than listed: every REST method the running server registered is
 * called as nobody and as each role (path parameters name nothing that exists, so nothing is changed). Nobody
 * gets 401 on every {@code /api/} endpoint; a role the method's {@code @RolesAllowed} does not admit gets the
 * role check's 403; a role it admits (admins always, everyone for {@code viewer}) never does.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleMatrixTest {
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome(),
      ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()));
  static final List<String> ROLES = List.of("viewer", "engineer", "steward", "compliance", "admin");
  static final String ROLE_DENIED = "User not authorized.";

  record Endpoint(String method, String path, Set<String> roles, String consumes) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @BeforeAll
  static void users() {
    for (String role : ROLES.subList(0, 4)) {
      assertThat(post(APP, "/api/v1/users", basic("admin", TestApp.ADMIN_PASSWORD), Map.of("username", "m-" + role,
          "password", role + "-password", "roles", List.of(role))).status()).isEqualTo(201);
    }
  }

  @Test
  void everyEndpointAdmitsExactlyItsRoles() {
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).as("the server's endpoints").hasSizeGreaterThan(30)
        .anyMatch(e -> e.path().endsWith("/preview")).anyMatch(e -> e.path().startsWith("/api/v1/policies"));
    List<String> wrong = new ArrayList<>();
    StringBuilder matrix = new StringBuilder(String.format("%-7s %-58s %-10s", "", "endpoint", "nobody"));
    ROLES.forEach(r -> matrix.append(String.format(" %-10s", r)));
    for (Endpoint e : endpoints) {
      matrix.append(String.format("%n%-7s %-58s", e.method(), e.path()));
      Reply anonymous = send(e, null);
      matrix.append(String.format(" %-10d", anonymous.status()));
      if (e.path().startsWith("/api/") && anonymous.status() != 401) {
        wrong.add(e + " answers " + anonymous.status() + " without credentials");
      }
      if (e.roles().isEmpty()) {
        if (e.path().startsWith("/api/")) {
          wrong.add(e + " declares no @RolesAllowed");
        }
        continue;
      }
      for (String role : ROLES) {
        Reply r = send(e, role.equals("admin") ? basic("admin", TestApp.ADMIN_PASSWORD)
            : basic("m-" + role, role + "-password"));
        boolean admitted = role.equals("admin") || e.roles().contains("viewer") || e.roles().contains(role);
        boolean roleDenied = r.status() == 403 && r.body().contains(ROLE_DENIED);
        matrix.append(String.format(" %-10s", r.status() + (roleDenied ? "R" : "")));
        if (admitted == roleDenied || r.status() == 401) {
          wrong.add(e + " as " + role + ": " + r.status() + " " + abbreviate(r.body()) + " (admits " + e.roles() + ")");
        }
      }
    }
    System.out.println("roles x endpoints (R: refused by role)\n" + matrix);
    assertThat(wrong).as("endpoints that do not admit exactly their roles").isEmpty();
  }

  private static Reply send(Endpoint e, String auth) {
    Object body = switch (e.method()) {
      case "POST", "PUT" -> e.consumes().contains("json") ? Entity.json("{}")
          : Entity.entity("", e.consumes().contains("*") ? "application/octet-stream" : e.consumes());
      default -> null;
    };
    return call(APP, e.method(), e.path(), auth, body);
  }

  /** The REST methods of every resource the server registered, with the roles their annotations admit. */
  static List<Endpoint> endpoints() {
    Set<Class<?>> classes = new LinkedHashSet<>();
    var config = APP.getEnvironment().jersey().getResourceConfig();
    config.getInstances().forEach(o -> classes.add(o.getClass()));
    classes.addAll(config.getClasses());
    List<Endpoint> out = new ArrayList<>();
    for (Class<?> c : classes) {
      jakarta.ws.rs.Path root = c.getAnnotation(jakarta.ws.rs.Path.class);
      if (root == null) {
        continue;
      }
      for (Method m : c.getMethods()) {
        String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
            : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
        if (verb == null) {
          continue;
        }
        jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
        String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
            .replaceAll("\\{[^}]+}", "999999");
        RolesAllowed allowed = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
            : c.getAnnotation(RolesAllowed.class);
        Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class)
            : c.getAnnotation(Consumes.class);
        out.add(new Endpoint(verb, path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1)
            : path, allowed == null ? Set.of() : Set.of(allowed.value()),
            consumes == null ? "application/json" : consumes.value()[0]));
      }
    }
    out.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    return out;
  }

  private static String abbreviate(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "..." : body;
  }
}
