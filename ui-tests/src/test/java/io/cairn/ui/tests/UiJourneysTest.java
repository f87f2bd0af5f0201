package io.cairn.ui.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cairn.catalog.Role;
import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.cairn.platform.testkit.TestApp;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web UI's journeys in a real browser against a real server (H2 catalog, the file and datagen connector
 * plugins installed at start). Each test saves a screenshot under target/screenshots and fails on any console
 * error, uncaught exception, server error or dialog.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class UiJourneysTest extends BrowserJourney {
  static final Path HOME = TestApp.newHome();
  static final Path BUNDLED = TestPlugins.bundled("connector-file", "connector-datagen");
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("bundledPlugins", BUNDLED.toString()),
      ConfigOverride.config("logging.level", "WARN"));
  static final String ENGINEER = "erin";
  static final String STEWARD = "stella";
  static final String PASSWORD = "journey-password-1";
  static final String XSS_NAME = "<img src=x onerror=alert(1)>";

  @Override
  DropwizardAppExtension<?> app() {
    return APP;
  }

  @BeforeAll
  static void setUp() throws IOException {
    CairnApplication.Services services = ((CairnApplication) APP.getApplication()).services();
    services.userService().ensure(ENGINEER, PASSWORD, EnumSet.of(Role.ENGINEER));
    services.userService().ensure(STEWARD, PASSWORD, EnumSet.of(Role.STEWARD));
    var datasets = services.datasets();
    long customers = datasets.register(new DatasetRef("postgres://crm:5432", "crm.public.customers"));
    datasets.recordSchema(customers, Schema.of(Column.of("customer_id", ColumnType.LONG),
        Column.of("email", ColumnType.STRING).withTags("pii.email"),
        Column.of("birth_date", ColumnType.DATE).withTags("pii.birth_date")), null);
    long xss = datasets.register(new DatasetRef("file", XSS_NAME));
    datasets.recordSchema(xss, Schema.of(Column.of("<b>bold</b>", ColumnType.STRING).withTags("<script>x</script>")),
        null);
  }

  void logIn(String user, String password) {
    tab.logIn(user, password);
  }

  Locator nav() {
    return tab.nav();
  }

  Locator button(String name) {
    return tab.button(name);
  }

  @Test
  void logInShowsTheNavigationOfTheRoleAndLogOutForgetsTheSession() {
    logIn("admin", "wrong-password");
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("The user name or password is wrong");

    logIn(ENGINEER, PASSWORD);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Flows"))).isVisible();
    assertThat(nav().getByRole(AriaRole.LINK)).hasText(new String[] {"Flows", "Datasets", "Search", "Segments", "Models"});
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New flow")).first()).isVisible();
    page.reload();
    assertThat(page.getByText("erin (engineer)")).isVisible();
    button("Log out").click();
    assertThat(page.getByLabel("User name")).isVisible();

    logIn(STEWARD, PASSWORD);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Datasets"))).isVisible();
    nav().getByText("Flows").click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Flows"))).isFocused();
    assertThat(page.locator("table[aria-label=Flows], .empty")).hasCount(1);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New flow"))).hasCount(0);
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^(Run|Stop) "))))
        .hasCount(0);
    button("Log out").click();

    logIn("admin", TestApp.ADMIN_PASSWORD);
    assertThat(nav().getByRole(AriaRole.LINK)).hasText(new String[] {"Flows", "Datasets", "Search", "Segments", "Models",
        "Policies", "Audit", "Consent", "Requests", "Plugins", "Users"});
    nav().getByText("Users").click();
    assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Users"))).containsText(ENGINEER);
    // the checkbox is controlled by the user's saved roles: it turns only once the server has the change
    Locator marketing = page.getByLabel(ENGINEER + " is marketing");
    assertThat(marketing).not().isChecked();
    marketing.click();
    assertThat(marketing).isChecked();
    marketing.click();
    assertThat(marketing).not().isChecked();
  }

  @Test
  void editARouteSeeTheSchemaErrorAtItsLineFixDeployRunAndBrowseTheQuarantine() throws IOException {
    Path data = Files.createDirectories(HOME.resolve("people"));
    Files.writeString(data.resolve("people.csv"),
        "id,name,birth_date\n1,Ada,1990-01-31\n2,Bob,not-a-date\n3,Cy,1985-12-01\n");
    Path out = data.resolve("out");
    String route = """
        - route:
            from:
              uri: "cairn:source:file"
              parameters:
                path: "%s"
                columns: "id:LONG,name:STRING,birth_date:DATE"
              stepz:
                - to:
                    uri: "cairn:sink:file"
                    parameters:
                      path: "%s"
                      format: jsonl
        """.formatted(data.resolve("people.csv"), out);

    logIn(ENGINEER, PASSWORD);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New flow")).first().click();
    page.getByLabel("Flow id").fill("people");
    Locator editor = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Route (Camel YAML DSL)"));
    editor.click();
    page.keyboard().press("Control+A");
    page.keyboard().insertText(route);
    button("Deploy").click();

    assertThat(page.getByRole(AriaRole.ALERT)).containsText("does not match the Camel YAML DSL schema");
    // the server places 'stepz' (not allowed) at its value, line 8, and the missing 'steps' at 'from', line 3
    Locator problems = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Problems in the route"));
    Locator unknownKey = problems.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("'stepz'"));
    assertThat(unknownKey.getByRole(AriaRole.BUTTON)).hasText(Pattern.compile("^Line 8, column \\d+$"));
    assertThat(problems).containsText("required property 'steps' not found");
    Locator marked = page.locator(".cm-problem-line");
    assertThat(marked).hasCount(2);
    assertThat(marked.nth(0)).hasAttribute("data-problem-line", "3");
    assertThat(marked.nth(1)).hasAttribute("data-problem-line", "8");
    assertThat(marked.nth(1)).hasText(Pattern.compile("^\\s*- to:$"));

    unknownKey.getByRole(AriaRole.BUTTON).click();
    page.keyboard().press("ArrowUp");
    page.keyboard().press("End");
    page.keyboard().press("Backspace");
    page.keyboard().press("Backspace");
    page.keyboard().type("s:");
    button("Deploy").click();

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("people"))).isVisible();
    assertThat(page.locator(".badge").first()).hasText("IDLE");
    button("Run").click();
    assertThat(page.locator(".last-run")).containsText("SUCCEEDED", new com.microsoft.playwright.assertions
        .LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    assertThat(page.locator(".last-run")).containsText("2 rows in, 2 out, 1 quarantined");

    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Runs")).click();
    Locator runs = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Runs"));
    assertThat(runs.locator("tr[data-state=SUCCEEDED]")).hasCount(1);
    runs.locator("tr[data-state=SUCCEEDED] button").click();
    Locator runDatasets = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Datasets of the run"));
    assertThat(runDatasets.getByRole(AriaRole.LISTITEM).first()).containsText(Pattern.compile("Read 2 rows from \\S*people\\.csv"));
    assertThat(runDatasets.getByRole(AriaRole.LISTITEM).last()).containsText(Pattern.compile("Wrote 2 rows to \\S*out"));

    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Runs")).press("ArrowRight");
    assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Quarantine")))
        .hasAttribute("aria-selected", "true");
    Locator quarantined = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Quarantined rows"));
    assertThat(quarantined.locator("tbody tr")).hasCount(1);
    assertThat(quarantined).containsText("not-a-date");
    assertThat(quarantined.locator("td.reason")).containsText("birth_date");
    try (var files = Files.list(out)) {
      Assertions.assertThat(files.toList()).hasSize(1);
    }
  }

  @Test
  void watchARunningFlowsLiveProgressInTheListAndStopIt() {
    String endless = """
        - route:
            from:
              uri: "cairn:source:datagen"
              parameters:
                entity: events
                count: 100000000
              steps:
                - to:
                    uri: "log:ui-test?level=TRACE"
        """;
    Assertions.assertThat(TestApp.post(APP, "/api/v1/flows", TestApp.basic("admin", TestApp.ADMIN_PASSWORD),
        java.util.Map.of("id", "endless", "name", "Endless events", "definition", endless)).status()).isEqualTo(201);

    logIn(ENGINEER, PASSWORD);
    Locator row = page.locator("tr[data-flow=endless]");
    assertThat(row).containsText("Endless events");
    assertThat(row).containsText("never run");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run endless")).click();
    assertThat(row.locator(".badge").first()).hasText("RUNNING");
    // polled every 2 s: the counts grow while it runs (generous waits: the machine may be busy)
    Locator rowsIn = row.locator("td.num").first();
    var patience = new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    assertThat(rowsIn).not().hasText(Pattern.compile("^(–|0)$"), patience);
    long first = count(rowsIn.textContent());
    assertThat(rowsIn).not().hasText(rowsIn.textContent(), patience);
    Assertions.assertThat(count(rowsIn.textContent())).isGreaterThan(first);
    assertThat(row.locator("td.num").nth(2)).hasText(Pattern.compile("^[1-9][\\d,]*$"));

    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop endless")).click();
    assertThat(row.locator(".badge").first()).hasText("IDLE");
    assertThat(row.locator(".badge").last()).hasText("STOPPED");
  }

  /** Limits how fast the page may send, with Chromium's DevTools network emulation. */
  private void throttleUploads(int bytesPerSecond) {
    CDPSession cdp = page.context().newCDPSession(page);
    cdp.send("Network.enable");
    JsonObject conditions = new JsonObject();
    conditions.addProperty("offline", false);
    conditions.addProperty("latency", 0);
    conditions.addProperty("downloadThroughput", -1);
    conditions.addProperty("uploadThroughput", bytesPerSecond);
    cdp.send("Network.emulateNetworkConditions", conditions);
  }

  private static long count(String formatted) {
    return Long.parseLong(formatted.replace(",", "").trim());
  }

  @Test
  void uploadAPluginZipAndSeeItListedWithItsConfigForm() {
    logIn("admin", TestApp.ADMIN_PASSWORD);
    nav().getByText("Plugins").click();
    Locator plugins = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Installed plugins"));
    assertThat(plugins.locator("tr[data-plugin=connector-file]")).containsText("ENABLED");
    assertThat(plugins.locator("tr[data-plugin=connector-jdbc]")).hasCount(0);

    page.getByLabel("Plugin zip").setInputFiles(TestPlugins.zip("connector-jdbc"));
    throttleUploads(3_000_000); // the 4.6 MB zip takes about 1.5 s, long enough to watch the progress
    button("Upload").click();
    assertThat(page.locator(".upload .progress-row")).containsText(Pattern.compile("Uploading [1-9]\\d?%"));
    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Installed")))
        .containsText("Installed connector-jdbc 0.1.0-SNAPSHOT (enabled)");
    Locator jdbc = plugins.locator("tr[data-plugin=connector-jdbc]");
    assertThat(jdbc).containsText("0.1.0-SNAPSHOT");
    assertThat(jdbc).containsText("ENABLED");
    assertThat(jdbc).containsText("sink:jdbc");

    jdbc.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Configure sink jdbc")).click();
    Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Configure sink jdbc"));
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make the endpoint")).click();
    assertThat(dialog.getByRole(AriaRole.ALERT)).containsText("Fill in the fields marked above");
    assertThat(dialog).containsText("table must be required");
    dialog.getByLabel(Pattern.compile("^url")).fill("jdbc:h2:mem:x");
    dialog.getByLabel(Pattern.compile("^table")).fill("people");
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make the endpoint")).click();
    assertThat(dialog.getByTestId("endpoint-yaml")).containsText("uri: \"cairn:sink:jdbc\"");
    assertThat(dialog.getByTestId("endpoint-yaml")).containsText("table: \"people\"");
    page.keyboard().press("Escape");
    assertThat(dialog).hasCount(0);

    jdbc.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable connector-jdbc")).click();
    assertThat(jdbc).containsText("DISABLED");
  }

  @Test
  void findADatasetAndOpenItsSchemaWithTags() {
    logIn(STEWARD, PASSWORD);
    page.getByLabel("Search datasets").fill("no-such-dataset");
    page.getByLabel("Search datasets").press("Enter");
    assertThat(page.getByText("No dataset matches “no-such-dataset”.")).isVisible();
    page.getByLabel("Search datasets").fill("CUSTOMERS");
    button("Search").click();
    Locator results = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Datasets"));
    assertThat(results.locator("tbody tr")).hasCount(1);
    results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("crm.public.customers")).click();

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("crm.public.customers")))
        .isFocused();
    assertThat(page.getByText("postgres://crm:5432")).isVisible();
    Locator schema = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Schema"));
    assertThat(schema.locator("tbody tr")).hasCount(3);
    assertThat(schema.locator("tbody tr").nth(1)).containsText("email");
    assertThat(schema.locator("tbody tr").nth(1).locator(".tag")).hasText("pii.email");
    page.goBack();
    assertThat(page.getByLabel("Search datasets")).hasValue("CUSTOMERS");
  }

  @Test
  void aDatasetNamedLikeMarkupRendersAsText() {
    logIn(STEWARD, PASSWORD);
    page.getByLabel("Search datasets").fill("onerror");
    button("Search").click();
    Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(XSS_NAME));
    assertThat(link).hasText(XSS_NAME);
    Assertions.assertThat(page.locator("main img").count()).isZero();
    link.click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(XSS_NAME))).hasText(XSS_NAME);
    assertThat(page.locator(".tag")).hasText("<script>x</script>");
    assertThat(page.locator("code").filter(new Locator.FilterOptions().setHasText("<b>bold</b>"))).hasCount(1);
    Assertions.assertThat(page.locator("main img, main b, main script").count()).isZero();
  }
}
