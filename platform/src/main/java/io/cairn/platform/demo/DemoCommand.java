package io.cairn.platform.demo;

import io.cairn.platform.CairnApplication;
import io.cairn.platform.auth.Passwords;
import io.cairn.platform.config.CairnConfiguration;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import net.sourceforge.argparse4j.inf.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server like {@code server}, then sets up the demo on it: users named after the roles, the
 * generated data set, and the demo flows, which it runs while printing progress.
 */
public final class DemoCommand extends ServerCommand<CairnConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
  private final CairnApplication app;
  private String password;
  private boolean generated;

  public DemoCommand(CairnApplication app) {
    super(app, "demo", "Runs the server with demo users, a generated retail data set and demo flows");
    this.app = app;
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    String fromEnv = System.getenv("CAIRN_DEMO_PASSWORD");
    generated = fromEnv == null || fromEnv.isBlank();
    password = generated ? Passwords.generate(16) : fromEnv;
    super.run(bootstrap, namespace);
  }

  @Override
  protected void run(Environment environment, Namespace namespace, CairnConfiguration config) throws Exception {
    config.useBootstrapAdminPasswordIfUnset(password);
    super.run(environment, namespace, config);
    try {
      new DemoSetup(app.services(), config, password, generated, System.out).run();
    } catch (Exception e) {
      LOG.error("the demo could not be set up: {}", e.getMessage(), e);
      System.out.println("The demo could not be set up: " + e.getMessage()
          + "\nThe server is still running; see the log above.");
    }
  }
}
