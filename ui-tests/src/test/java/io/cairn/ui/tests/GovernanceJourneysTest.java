package io.cairn.ui.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cairn.catalog.Role;
import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stewards' and compliance officers' journeys in a real browser against a real server: a flow over the file
 * connector copies a CSV of customers (so the catalog has datasets, lineage down to columns, runs and the PII
 * scan's suggestions), and an OpenLineage producer reads the copy into a dataset named like markup. Each test
 * saves a screenshot under target/screenshots and fails on any console error, uncaught exception, server error
 * or dialog.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GovernanceJourneysTest extends BrowserJourney {
  static final Path HOME = TestApp.newHome();
  static final Path BUNDLED = TestPlugins.bundled("connector-file", "plugin-quality");
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", BUNDLED.toString()),
      ConfigOverride.config("logging.level", "WARN"));
  static final String ADMIN = TestApp.basic("admin", TestApp.ADMIN_PASSWORD);
  static final String STEWARD = "stella";
  static final String COMPLIANCE = "carla";
  static final String PASSWORD = "journey-password-2";
  static final String XSS_NAME = "<img src=x onerror=alert(1)>";

  static Path customers;
  static Path copy;

  @Override
  DropwizardAppExtension<?> app() {
    return APP;
  }

  @BeforeAll
  static void setUp() throws Exception {
    CairnApplication.Services services = ((CairnApplication) APP.getApplication()).services();
    services.userService().ensure(STEWARD, PASSWORD, EnumSet.of(Role.STEWARD));
    services.userService().ensure(COMPLIANCE, PASSWORD, EnumSet.of(Role.COMPLIANCE));

    Path in = Files.createDirectories(HOME.resolve("crm"));
    customers = Files.writeString(in.resolve("customers.csv"),
        "id,email\n1,ada@example.org\n2,bob@example.org\n3,cy@example.org\n");
    copy = Files.createDirectories(HOME.resolve("mart"));
    String route = "- route:\n    from:\n      uri: \"cairn:source:file?path=" + customers
        + "&format=csv&columns=id:LONG,email\"\n      steps:\n"
        + "        - to:\n            uri: \"cairn:step:quality\"\n"
        + "            parameters: {rules: '[{rule: format, column: email, format: email}]'}\n"
        + "        - to: \"cairn:sink:file?path=" + copy + "&format=csv\"\n";
    Assertions.assertThat(ApiCalls.post(APP, "/api/v1/flows", ADMIN, Map.of("id", "customers-copy", "definition",
        route)).status()).isEqualTo(201);
    Assertions.assertThat(ApiCalls.post(APP, "/api/v1/flows/customers-copy/run", ADMIN, null).status())
        .isEqualTo(202);
    await("the flow's column lineage", () -> ApiCalls.get(APP, "/api/v1/lineage/columns?nodeId="
        + enc("datasetField:file:" + customers + ":email"), ADMIN).body().contains(copy.toString()));

    // a producer outside Cairn reads the copy's email into a dataset named like markup
    Map<String, Object> lineage = Map.of("fields", Map.of("email", Map.of("inputFields",
        List.of(Map.of("namespace", "file", "name", copy.toString(), "field", "email")))),
        "_producer", "https://example.org/ui-test",
        "_schemaURL", "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet");
    Map<String, Object> event = Map.of("eventType", "COMPLETE", "eventTime", Instant.now().toString(),
        "producer", "https://example.org/ui-test",
        "schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
        "run", Map.of("runId", UUID.randomUUID().toString()),
        "job", Map.of("namespace", "reports", "name", "weekly"),
        "inputs", List.of(Map.of("namespace", "file", "name", copy.toString())),
        "outputs", List.of(Map.of("namespace", "file", "name", XSS_NAME, "facets", Map.of("columnLineage", lineage))));
    TestApp.Reply posted = ApiCalls.post(APP, "/api/v1/lineage", ADMIN, event);
    Assertions.assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    await("the producer's column lineage", () -> ApiCalls.get(APP, "/api/v1/lineage/impact?nodeId="
        + enc("datasetField:file:" + customers + ":email"), ADMIN).body().contains("onerror"));
  }

  @Test
  void findADatasetOpenItsLineageExpandAColumnSeeItsImpactAndClickThroughToTheRun() {
    tab.logIn(STEWARD, PASSWORD);
    page.getByLabel("Search datasets").fill("customers.csv");
    tab.button("Search").click();
    page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Datasets"))
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(customers.toString())).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open lineage graph")).click();

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lineage of customers.csv")))
        .isVisible();
    Locator graph = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("^Lineage graph")));
    assertThat(graph).hasAttribute("aria-label", "Lineage graph: 3 datasets, 2 jobs, 0 columns shown");
    assertThat(graph.locator("canvas")).not().hasCount(0);
    Locator nodes = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Nodes of the graph"));
    assertThat(nodes.getByText(XSS_NAME, new Locator.GetByTextOptions().setExact(true))).isVisible();
    Assertions.assertThat(page.locator("main img").count()).isZero();

    page.getByLabel("Depth").selectOption("1");
    assertThat(graph).hasAttribute("aria-label", "Lineage graph: 1 datasets, 1 jobs, 0 columns shown");
    page.getByLabel("Depth").selectOption("5");
    assertThat(graph).hasAttribute("aria-label", "Lineage graph: 3 datasets, 2 jobs, 0 columns shown");
    tab.button("Zoom in").click();
    tab.button("Fit").click();

    nodes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("customers.csv")).click();
    Locator selected = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Selected node"));
    selected.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show columns")).click();
    assertThat(graph).hasAttribute("aria-label", "Lineage graph: 3 datasets, 2 jobs, 2 columns shown");
    nodes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("email").setExact(true)).click();
    selected.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show impact")).click();

    Locator impact = selected.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Impact"));
    assertThat(impact).containsText("2 columns in 2 datasets depend on it.");
    assertThat(impact).containsText(XSS_NAME + ":email");
    assertThat(impact.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("customers-copy"))).isVisible();
    assertThat(nodes.locator("li[data-impacted]")).hasCount(4);
    assertThat(nodes.locator("li[data-impacted]").filter(new Locator.FilterOptions().setHasText(XSS_NAME))).hasCount(1);
    assertThat(nodes.locator("li:not([data-impacted])").filter(new Locator.FilterOptions().setHasText("id")))
        .hasCount(1);
    tab.screenshot(SCREENSHOTS.resolve("lineageImpactOfAColumn.png"));

    nodes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("customers-copy")).click();
    Locator runs = selected.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Lineage runs"));
    assertThat(runs.locator("tbody tr")).hasCount(1);
    assertThat(runs).containsText("COMPLETE");
    runs.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("customers-copy run")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("customers-copy"))).isVisible();
    assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Runs")))
        .hasAttribute("aria-selected", "true");
    assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Datasets of the run"))
        .getByRole(AriaRole.LISTITEM).first()).containsText("Read 3 rows from");

    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Quality")).click();
    Locator chart = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Quality of step quality"));
    assertThat(chart.locator("canvas")).hasCount(1);
    page.getByText("Show the numbers").click();
    Locator numbers = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
        .setName("Quality of step quality: numbers"));
    assertThat(numbers.locator("tbody tr")).hasCount(1);
    assertThat(numbers.locator("tbody tr td").nth(2)).hasText("1"); // validity: every email is an email
  }

  @Test
  void acceptAPiiSuggestionTheScanMadeOnADatasetsSchema() throws Exception {
    await("the PII scan's suggestion", () -> ApiCalls.get(APP, "/api/v1/classification/suggestions", ADMIN).body()
        .contains("\"column\":\"email\""));
    tab.logIn(STEWARD, PASSWORD);
    page.getByLabel("Search datasets").fill("customers.csv");
    tab.button("Search").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(customers.toString())).click();

    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("for your review")))
        .containsText(Pattern.compile("\\d+ PII suggestions? waits? for your review"));
    Locator email = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Schema"))
        .locator("tr[data-column=email]");
    Locator accept = email.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
        .setName(Pattern.compile("^Accept \\S+ for email$")));
    assertThat(accept).hasCount(1);
    String tag = accept.getAttribute("aria-label").replaceAll("^Accept (\\S+) for email$", "$1");
    accept.click();

    assertThat(email.locator(".suggestion[data-status=ACCEPTED]")).containsText(tag);
    assertThat(email.locator(".suggestion[data-status=ACCEPTED]")).containsText("accepted by " + STEWARD);
    assertThat(email.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
        .setName(Pattern.compile("^Accept ")))).hasCount(0);
    JsonNode all = ApiCalls.get(APP, "/api/v1/classification/suggestions?status=ACCEPTED", ADMIN).json();
    Assertions.assertThat(all).anySatisfy(s -> {
      Assertions.assertThat(s.path("column").asText()).isEqualTo("email");
      Assertions.assertThat(s.path("tag").asText()).isEqualTo(tag);
      Assertions.assertThat(s.path("decidedBy").asText()).isEqualTo(STEWARD);
    });
  }

  @Test
  void checkTheAuditChainFilterItAndExportTheEvidenceAsPdf() throws Exception {
    tab.logIn(COMPLIANCE, PASSWORD);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log"))).isVisible();
    Locator chain = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Chain verification"));
    assertThat(chain.locator("[data-intact=true]")).containsText(Pattern.compile("Intact: [\\d,]+ entries up to #\\d+"));

    page.getByLabel("Actor").fill("admin");
    page.getByLabel("Action").fill("flows.");
    tab.button("Apply filters").click();
    Locator entries = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Audit entries"));
    assertThat(entries.locator("tbody tr")).hasCount(2); // the flow's creation and its run
    assertThat(entries.locator("tbody tr").first()).containsText("flows.create");
    assertThat(entries.locator("tbody tr").last()).containsText("flows/customers-copy/run");
    page.getByLabel("Actor").fill("nobody-at-all");
    tab.button("Apply filters").click();
    assertThat(page.getByText("No audit entry matches.")).isVisible();

    Download pdf = page.waitForDownload(() -> tab.button("Export PDF").click());
    Assertions.assertThat(pdf.suggestedFilename()).isEqualTo("cairn-audit-evidence.pdf");
    byte[] bytes = Files.readAllBytes(pdf.path());
    Assertions.assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Downloaded")))
        .containsText("Downloaded the PDF evidence");
    JsonNode exports = ApiCalls.get(APP, "/api/v1/audit?action=audit.export&actor=" + COMPLIANCE, ADMIN).json();
    Assertions.assertThat(exports).hasSize(1);
  }

  @Test
  void listThePoliciesAndEditOneWithTheServersReasonsForARefusal() {
    tab.logIn(COMPLIANCE, PASSWORD);
    tab.nav().getByText("Policies").click();
    Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Policies"));
    int count = ApiCalls.get(APP, "/api/v1/policies", ADMIN).json().size();
    Assertions.assertThat(count).isPositive();
    assertThat(table.locator("tbody tr")).hasCount(count);
    Locator first = table.locator("tbody tr").first();
    String name = first.getAttribute("data-policy");

    first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit " + name)).click();
    Locator json = page.getByLabel("Policy (Ranger JSON)");
    String original = json.inputValue();
    json.fill(original.replaceFirst("\\{", "{ oops"));
    tab.button("Save policy").click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("The policy is not valid JSON");

    json.fill(original.replaceFirst("\"type\"\\s*:\\s*\"(\\w+)\"", "\"type\": \"teleport\""));
    tab.button("Save policy").click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("the policy was refused");
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("teleport");

    json.fill(original.replaceFirst("\"description\"\\s*:\\s*\"[^\"]*\"", "\"description\": \"tightened by carla\""));
    tab.button("Save policy").click();
    assertThat(page.getByLabel("Policy (Ranger JSON)")).hasCount(0);
    assertThat(table.locator("tr[data-policy='" + name + "']")).containsText("tightened by carla");
    Assertions.assertThat(ApiCalls.get(APP, "/api/v1/policies", ADMIN).body()).contains("tightened by carla");
  }

  @Test
  void pagesOfApisTheServerMayNotHaveSayWhatTheyNeedInsteadOfBreaking() {
    tab.logIn("admin", TestApp.ADMIN_PASSWORD);
    tab.nav().getByText("Search").click();
    page.getByLabel("Search for").fill("email");
    tab.button("Search").click();
    assertThat(page.locator(".needs-api, table[aria-label='Search results'], .empty")).hasCount(1);

    tab.nav().getByText("Segments").click();
    assertThat(page.locator(".needs-api, table[aria-label=Segments], .empty")).not().hasCount(0);
    tab.nav().getByText("Consent").click();
    page.getByLabel("Identifier").fill("ada@example.org");
    tab.button("Look up").click();
    assertThat(page.locator(".needs-api, table[aria-label='Consent history'], .empty")).hasCount(1);
    tab.nav().getByText("Requests").click();
    assertThat(page.locator(".needs-api, table[aria-label=Requests], .empty")).not().hasCount(0);
    tab.nav().getByText("Models").click();
    assertThat(page.getByText("No models yet.")).isVisible();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("waited 30 s for " + what);
      }
      Thread.sleep(100);
    }
  }
}
