package io.cairn.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.platform.CairnApplication;
import io.cairn.spi.CairnSpi;
import io.cairn.spi.connector.SourceConnector;
import io.cairn.testplugins.GoodSource;
import io.cairn.testplugins.ProbeSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.Plugin;
import org.slf4j.Logger;

/** A plugin sees the SPI, pf4j, slf4j and the JDK from the host, and everything else from its own lib/ only. */
class AllowListClassLoadingTest {
  @TempDir
  Path tmp;

  private PluginHost host;

  @AfterEach
  void unload() {
    if (host != null) {
      host.unloadAll();
    }
  }

  private ClassLoader start(PluginZips zip) {
    Path file = zip.writeTo(tmp.resolve("zips"));
    PluginArchive.Manifest m = PluginArchive.inspect(file, file.getFileName().toString(), 1 << 30);
    Path dir = tmp.resolve("plugins").resolve(m.id());
    PluginArchive.unpack(file, m.id(), dir, 1 << 30);
    host = host == null ? new PluginHost(tmp.resolve("plugins")) : host;
    List<LoadedExtension> started = host.start(m.id(), dir);
    assertThat(started).isNotEmpty();
    return host.classLoader(m.id());
  }

  @Test
  void aPluginGetsItsOwnCopyOfAClassAlsoOnTheHostClassPath() throws Exception {
    ClassLoader plugin = start(PluginZips.good("1.0.0"));

    Class<?> own = plugin.loadClass(GoodSource.class.getName());
    assertThat(own).isNotSameAs(GoodSource.class);
    assertThat(own.getClassLoader()).isSameAs(plugin);
    assertThat(SourceConnector.class.isAssignableFrom(own)).isTrue();
  }

  @Test
  void theSpiPf4jSlf4jAndTheJdkAreSharedWithTheHost() throws Exception {
    ClassLoader plugin = start(PluginZips.good("1.0.0"));

    assertThat(plugin.loadClass(SourceConnector.class.getName())).isSameAs(SourceConnector.class);
    assertThat(plugin.loadClass(CairnSpi.class.getName())).isSameAs(CairnSpi.class);
    assertThat(plugin.loadClass(Plugin.class.getName())).isSameAs(Plugin.class);
    assertThat(plugin.loadClass(Logger.class.getName())).isSameAs(Logger.class);
    assertThat(plugin.loadClass("java.sql.Connection")).isSameAs(java.sql.Connection.class);
    assertThat(plugin.loadClass("javax.sql.DataSource")).isSameAs(javax.sql.DataSource.class);
    assertThat(plugin.getResource("io/cairn/spi/spi.properties")).isNotNull();
  }

  @Test
  void hostOnlyClassesAreInvisible() {
    ClassLoader plugin = start(PluginZips.good("1.0.0"));

    assertThatThrownBy(() -> plugin.loadClass(CairnApplication.class.getName()))
        .isInstanceOf(ClassNotFoundException.class)
        .hasMessageContaining("not in plugin 'good-plugin'")
        .hasMessageContaining("bundle the library in the plugin's lib/");
    assertThatThrownBy(() -> plugin.loadClass(ObjectMapper.class.getName()))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.h2.Driver", false, plugin))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(plugin.getResource("cairn.yml")).as("host resources").isNull();
    assertThat(plugin.getResource("logback.xml")).isNull();
  }

  @Test
  void pluginCodeDoesNotSeeTheHostsJacksonUnlessItBundlesIt() throws Exception {
    ClassLoader without = start(PluginZips.plugin("no-jackson", "1.0.0").extensions(ProbeSource.class));
    ClassLoader with = start(PluginZips.plugin("with-jackson", "1.0.0").extensions(ProbeSource.class)
        .libJar(PluginZips.jarOf(ObjectMapper.class))
        .libJar(PluginZips.jarOf(JsonFactory.class))
        .libJar(PluginZips.jarOf(JsonProperty.class)));

    assertThat(describe(without)).isEqualTo("ObjectMapper not visible");
    assertThat(describe(with)).isEqualTo("ObjectMapper from AllowListClassLoader[with-jackson]");
    Class<?> bundled = Class.forName(ObjectMapper.class.getName(), true, with);
    assertThat(bundled).isNotSameAs(ObjectMapper.class);
    Object mapper = bundled.getConstructor().newInstance();
    assertThat(bundled.getMethod("writeValueAsString", Object.class).invoke(mapper, List.of(1, 2))).isEqualTo("[1,2]");
  }

  private static String describe(ClassLoader plugin) throws Exception {
    Class<?> probe = plugin.loadClass(ProbeSource.class.getName());
    return ((SourceConnector) probe.getConstructor().newInstance()).description();
  }
}
