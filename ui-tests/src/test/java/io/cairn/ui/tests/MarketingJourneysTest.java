package io.cairn.ui.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysts' journey in a real browser against a real server: a propensity model trained through the API
 * shows its metrics (and its ROC curve and lift chart where the server records them).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MarketingJourneysTest extends BrowserJourney {
  static final DropwizardAppExtension<CairnConfiguration> APP = TestApp.create(TestApp.newHome(),
      ConfigOverride.config("logging.level", "WARN"));
  static final String ENGINEER = "emma";
  static final String PASSWORD = "journey-password-4";
  static JsonNode trained;

  @Override
  DropwizardAppExtension<?> app() {
    return APP;
  }

  @BeforeAll
  static void setUp() {
    CairnApplication.Services services = ((CairnApplication) APP.getApplication()).services();
    services.userService().ensure(ENGINEER, PASSWORD, EnumSet.of(Role.ENGINEER));
    Random random = new Random(7);
    double[][] rows = new double[300][];
    boolean[] outcomes = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double visits = random.nextDouble() * 10;
      double spend = random.nextDouble() * 100;
      rows[i] = new double[] {visits, spend};
      outcomes[i] = visits + random.nextGaussian() * 2 > 5;
    }
    TestApp.Reply r = ApiCalls.post(APP, "/api/v1/models/purchase/propensity",
        TestApp.basic("admin", TestApp.ADMIN_PASSWORD),
        Map.of("features", List.of("visits", "spend"), "rows", rows, "outcomes", outcomes, "seed", 3));
    Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
    trained = r.json();
  }

  @Test
  void openAModelAndReadItsMetricsAndCurves() {
    tab.logIn(ENGINEER, PASSWORD);
    tab.nav().getByText("Models").click();
    Locator models = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Models"));
    assertThat(models.locator("tbody tr")).hasCount(1);
    String auc = String.format(Locale.ROOT, "%.3f", trained.path("metrics").path("auc").asDouble());
    assertThat(models.locator("tbody tr")).containsText("auc " + auc);
    models.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("purchase")).click();

    Locator model = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Model purchase"));
    assertThat(model.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2))).containsText("purchase v1");
    assertThat(model.locator("dl.stats")).containsText("auc" + auc);
    assertThat(model).containsText("Features: visits, spend");
    // the server's ROC and lift where it records them, otherwise a sentence saying so
    assertThat(model.locator("[role=img][aria-label='ROC curve of purchase'], :text('No ROC curve')")).hasCount(1);
    assertThat(model.locator("[role=img][aria-label='Lift of purchase'], :text('No lift chart')")).hasCount(1);
    Assertions.assertThat(trained.path("metrics").path("auc").asDouble()).isBetween(0.5, 1.0);
    assertThat(page).hasURL(Pattern.compile("model=purchase"));
  }
}
