package io.cairn.ui.tests;

import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium driven by Playwright (see ../shared/notes/stack-versions.md): never a downloaded browser,
 * headless, without the background networking this machine's closed network refuses. One browser per test class,
 * a fresh context (no shared session) per test.
 */
final class BrowserHarness implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;

  BrowserHarness() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail("The UI tests need Debian's Chromium at " + CHROMIUM + ", which is missing. Install it with "
          + "`apt-get install -y chromium` (bin/cairn test does that when run as root).");
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  /** A page of a new context on the server, recording every problem the browser reports. */
  Tab open(String baseUrl) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setBaseURL(baseUrl).setViewportSize(1280, 900));
    context.setDefaultTimeout(15_000);
    return new Tab(context, context.newPage());
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  /**
   * A page and the problems seen on it: console errors, uncaught exceptions, server errors (5xx) and dialogs
   * (the UI opens none, so a dialog means injected script ran). A 4xx answer the UI shows as a message is
   * expected (e.g. a refused route), and Chromium's "Failed to load resource" console line for it is not counted.
   */
  static final class Tab implements AutoCloseable {
    final BrowserContext context;
    final Page page;
    final List<String> problems = new CopyOnWriteArrayList<>();

    Tab(BrowserContext context, Page page) {
      this.context = context;
      this.page = page;
      page.onConsoleMessage(m -> {
        if ("error".equals(m.type()) && !m.text().matches("Failed to load resource: .* status of 4\\d\\d .*")) {
          problems.add("console error: " + m.text());
        }
      });
      page.onPageError(e -> problems.add("uncaught: " + e));
      page.onResponse(r -> {
        if (r.status() >= 500) {
          problems.add("server error " + r.status() + " for " + r.url());
        }
      });
      page.onDialog(d -> {
        problems.add("dialog opened: " + d.message());
        d.dismiss();
      });
    }

    /** Signs in on the login page. */
    void logIn(String user, String password) {
      page.navigate("/");
      page.getByLabel("User name").fill(user);
      page.getByLabel("Password").fill(password);
      button("Sign in").click();
    }

    /** The button with exactly this accessible name. */
    Locator button(String name) {
      return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The main navigation. */
    Locator nav() {
      return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    /** Saves a full-page screenshot. */
    void screenshot(Path file) {
      page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
