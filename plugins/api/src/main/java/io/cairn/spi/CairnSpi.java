package io.cairn.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about the SPI that the host and plugins agree on. */
public final class CairnSpi {
  /**
   * The SPI version the host implements, in semver form. A plugin declares the range it needs in its
   * descriptor's {@code Plugin-Requires} (e.g. {@code >=1.0.0 & <2.0.0}); the host refuses plugins whose
   * range does not include this version.
   */
  public static final String VERSION = readVersion();

  /** The packages a plugin class loader delegates to the host; everything else comes from the plugin. */
  public static final java.util.List<String> HOST_PACKAGES =
      java.util.List.of("io.cairn.spi.", "org.pf4j.", "org.slf4j.");

  private CairnSpi() {}

  private static String readVersion() {
    try (InputStream in = CairnSpi.class.getResourceAsStream("spi.properties")) {
      if (in == null) {
        throw new IllegalStateException("spi.properties missing from the SPI jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("spi.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
