package io.cairn.ui.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A compliance officer looks up a person's consent by any of their identifiers and reads its history. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsentJourneyTest extends BrowserJourney {
  static final Path HOME = TestApp.newHome();
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(HOME,
      ConfigOverride.config("logging.level", "WARN"));
  static final String ADMIN = TestApp.basic("admin", TestApp.ADMIN_PASSWORD);
  static final String COMPLIANCE = "carla";
  static final String PASSWORD = "journey-password-3";

  @Override
  DropwizardAppExtension<?> app() {
    return APP;
  }

  @BeforeAll
  static void setUp() {
    CairnApplication.Services services = ((CairnApplication) APP.getApplication()).services();
    services.userService().ensure(COMPLIANCE, PASSWORD, EnumSet.of(Role.COMPLIANCE));
    List<Map<String, String>> ada = List.of(Map.of("type", "email", "value", "ada@example.org"),
        Map.of("type", "phone", "value", "+447700900123"));
    record(ada, "email_marketing", "granted", "2026-01-05T10:00:00Z");
    record(ada, "email_marketing", "withdrawn", "2026-03-01T09:30:00Z");
    record(ada, "advertising", "denied", "2026-01-05T10:00:00Z");
  }

  static void record(List<Map<String, String>> identifiers, String purpose, String status, String at) {
    TestApp.Reply r = TestApp.post(APP, "/api/v1/consent", ADMIN, Map.of("identifiers", identifiers,
        "purpose", purpose, "status", status, "lawfulBasis", "consent", "source", "form", "noticeVersion", "v3",
        "at", at));
    Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void lookUpAPersonsConsentByAnyIdentifierWithItsHistory() {
    tab.logIn(COMPLIANCE, PASSWORD);
    tab.nav().getByText("Consent").click();
    assertThat(page.getByText("Look up a person by any identifier.")).isVisible();

    page.getByLabel("Identifier").fill("nobody@example.org");
    tab.button("Look up").click();
    assertThat(page.getByText("No one with the identifier “nobody@example.org” is known.")).isVisible();

    page.getByLabel("Identifier").fill("+447700900123");
    page.getByLabel("Type").selectOption("phone");
    tab.button("Look up").click();
    Locator purposes = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Consent by purpose"));
    assertThat(purposes.locator("tr[data-purpose=email_marketing]")).containsText("withdrawn");
    assertThat(purposes.locator("tr[data-purpose=advertising]")).containsText("denied");
    assertThat(page.getByText("email: ada@example.org")).isVisible();
    Locator history = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Consent history"));
    assertThat(history.locator("tbody tr")).hasCount(3);
    assertThat(history).containsText("granted");

    page.getByLabel("Identifier").fill("ada@example.org");
    page.getByLabel("Type").selectOption("");
    tab.button("Look up").click();
    assertThat(history.locator("tbody tr")).hasCount(3);
    Assertions.assertThat(page.locator(".needs-api").count()).isZero();
  }
}
