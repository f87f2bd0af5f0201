package io.cairn.platform.testkit;

import io.cairn.platform.CairnApplication;
import io.cairn.platform.config.CairnConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One Cairn server for every connector test of this JVM (each server costs hundreds of MB of heap): the
 * bundled connector plugins, the machine's Redis as profile store under a key prefix of its own, and the
 * embedded Kafka broker on a free port. Started at first use, stopped when the JVM exits. Thread-safe.
 */
public final class ConnectorsApp {
  /** The key prefix of the profile store. */
  public static final String REDIS_PREFIX = "cairn-app-test-" + UUID.randomUUID() + ":";

  private static DropwizardTestSupport<CairnConfiguration> support;
  private static Path home;

  private ConnectorsApp() {}

  private static synchronized DropwizardTestSupport<CairnConfiguration> started() {
    if (support == null) {
      home = TestApp.newHome();
      DropwizardTestSupport<CairnConfiguration> s = new DropwizardTestSupport<>(CairnApplication.class,
          "classpath:cairn.yml", TestApp.overrides(home, TestApp.ADMIN_PASSWORD,
          ConfigOverride.config("bundledPlugins", Path.of("target", "bundled-plugins").toAbsolutePath().toString()),
          ConfigOverride.config("batchSize", "500"),
          ConfigOverride.config("redis.url", "redis://127.0.0.1:6379/0"),
          ConfigOverride.config("redis.keyPrefix", REDIS_PREFIX),
          ConfigOverride.config("kafka.embedded", "true"),
          ConfigOverride.config("kafka.port", "0")));
      try {
        s.before();
      } catch (Exception e) {
        throw new IllegalStateException("the connectors' test server did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(s::after, "connectors-app-stop"));
      support = s;
    }
    return support;
  }

  /** The server's home folder. */
  public static Path home() {
    started();
    return home;
  }

  /** {@code http://localhost:<port>} of the API. */
  public static String url() {
    return "http://localhost:" + started().getLocalPort();
  }

  /** {@code http://localhost:<port>} of the admin port (health checks). */
  public static String adminUrl() {
    return "http://localhost:" + started().getAdminPort();
  }

  /** A client of the API as the given user. */
  public static Http as(String user, String password) {
    return new Http(url(), TestApp.basic(user, password));
  }

  /** A client of the API as the first admin. */
  public static Http admin() {
    return as("admin", TestApp.ADMIN_PASSWORD);
  }
}
