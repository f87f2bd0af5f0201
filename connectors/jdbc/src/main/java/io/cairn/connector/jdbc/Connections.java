package io.cairn.connector.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Opens connections with the drivers bundled in this plugin. {@code DriverManager} only hands out drivers
 * its caller's class loader can see, which is unreliable from a plugin class loader, so the drivers are
 * found with {@link ServiceLoader} in this class's loader and called directly.
 */
final class Connections {
  private Connections() {}

  static Connection open(String url, String user, String password) throws SQLException {
    Dialect dialect = Dialect.of(url);
    String effective = dialect.effectiveUrl(url);
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    Iterator<Driver> drivers = ServiceLoader.load(Driver.class, Connections.class.getClassLoader()).iterator();
    while (true) {
      Driver driver;
      try {
        if (!drivers.hasNext()) {
          break;
        }
        driver = drivers.next();
      } catch (ServiceConfigurationError e) {
        continue;
      }
      if (driver.acceptsURL(effective)) {
        Connection c = driver.connect(effective, props);
        if (c != null) {
          return c;
        }
      }
    }
    throw new SQLException("no bundled JDBC driver accepts " + redact(url), "08001");
  }

  /** The URL without its parameters, which may hold credentials; for messages. */
  static String redact(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return url.substring(0, cut);
  }
}
