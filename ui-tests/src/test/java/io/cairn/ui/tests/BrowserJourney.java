package io.cairn.ui.tests;

import com.microsoft.playwright.Page;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The browser side of a journey test class: one Chromium per class, a fresh tab per test on the class's server,
 * a screenshot per test under target/screenshots, and a failure for any problem the browser reported.
 */
abstract class BrowserJourney {
  static final Path SCREENSHOTS = Path.of(System.getProperty("cairn.screenshots", "target/screenshots"));

  static BrowserHarness browser;
  BrowserHarness.Tab tab;
  Page page;

  /** The server the tabs open. */
  abstract DropwizardAppExtension<?> app();

  @BeforeAll
  static void startBrowser() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    browser = new BrowserHarness();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @BeforeEach
  void openTab() {
    tab = browser.open("http://localhost:" + app().getLocalPort());
    page = tab.page;
  }

  @AfterEach
  void closeTab(TestInfo test) {
    try {
      tab.screenshot(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"));
    } finally {
      tab.close();
    }
    Assertions.assertThat(tab.problems).as("problems the browser reported").isEmpty();
  }
}
