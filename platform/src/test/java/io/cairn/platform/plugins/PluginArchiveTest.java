package io.cairn.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks made on a zip before anything of it is loaded. */
class PluginArchiveTest {
  private static final long LIMIT = 1 << 30;

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"../evil.txt", "lib/../../evil.txt", "/etc/evil.txt", "..\\evil.txt", "C:/evil.txt",
      "C:\\evil.txt"})
  void entriesThatWouldLeaveThePluginFolderAreRefused(String entry) {
    Path zip = PluginZips.good("1.0.0").rawEntry(entry, "x").writeTo(tmp);

    assertThatThrownBy(() -> PluginArchive.inspect(zip, "z.zip", LIMIT)).isInstanceOf(PluginException.class)
        .hasMessage("'z.zip' has an entry '" + entry + "' that would be written outside the plugin's folder; "
            + "refusing the whole zip");
  }

  @Test
  void harmlessRelativeEntriesAreUnpacked() {
    Path zip = PluginZips.good("1.0.0").rawEntry("docs/../README.txt", "read me").writeTo(tmp);

    PluginArchive.Manifest m = PluginArchive.inspect(zip, "z.zip", LIMIT);
    PluginArchive.unpack(zip, "z.zip", tmp.resolve("out"), LIMIT);

    assertThat(m).isEqualTo(new PluginArchive.Manifest("good-plugin", "1.0.0", ">=1.0.0 & <2.0.0", "Cairn tests",
        "Test plugin good-plugin 1.0.0"));
    assertThat(tmp.resolve("out/README.txt")).hasContent("read me");
    assertThat(tmp.resolve("out/lib/plugin.jar")).exists();
    assertThat(tmp.resolve("out/plugin.properties")).exists();
  }

  @Test
  void aZipThatUnpacksToMoreThanTheLimitIsRefused() throws IOException {
    Path zip = PluginZips.good("1.0.0").rawEntry("lib/zeros.bin", "0".repeat(200_000)).writeTo(tmp);
    assertThat(Files.size(zip)).isLessThan(20_000);

    assertThatThrownBy(() -> PluginArchive.inspect(zip, "z.zip", 100_000)).isInstanceOf(PluginException.class)
        .hasMessageContaining("'z.zip' unpacks to 19").hasMessageContaining("KB, more than the limit of 97 KB");
    assertThatThrownBy(() -> PluginArchive.unpack(zip, "z.zip", tmp.resolve("out"), 100_000))
        .isInstanceOf(PluginException.class).hasMessage("'z.zip' unpacks to more than the limit of 97 KB");
  }

  @ParameterizedTest
  @ValueSource(strings = {">=1.0.0 & <2.0.0", "1.0.0", "*", ">=0.9.0", "<1.1.0"})
  void rangesThatIncludeTheHostVersionAreAccepted(String range) {
    Path zip = PluginZips.good("1.0.0").requires(range).writeTo(tmp);

    assertThat(PluginArchive.inspect(zip, "z.zip", LIMIT).requires()).isEqualTo(range);
  }

  @ParameterizedTest
  @ValueSource(strings = {">=2.0.0", "1.1.0", "<1.0.0"})
  void rangesWithoutTheHostVersionAreRefused(String range) {
    Path zip = PluginZips.good("1.0.0").requires(range).writeTo(tmp);

    assertThatThrownBy(() -> PluginArchive.inspect(zip, "z.zip", LIMIT))
        .hasMessage("plugin 'good-plugin' requires SPI " + range + " but this host implements 1.0.0");
  }

  @Test
  void badDescriptorsAreRefusedWithTheField() {
    assertThatThrownBy(() -> PluginArchive.inspect(PluginZips.good("1.0.0").requires("soon").writeTo(tmp.resolve("a")),
        "z.zip", LIMIT)).hasMessageStartingWith("plugin.requires 'soon' of plugin 'good-plugin' is not a version range");
    assertThatThrownBy(() -> PluginArchive.inspect(PluginZips.good("1.0").writeTo(tmp.resolve("b")), "z.zip", LIMIT))
        .hasMessage("plugin.version '1.0' of plugin 'good-plugin' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)");
    assertThatThrownBy(() -> PluginArchive.inspect(PluginZips.plugin("bad id", "1.0.0").writeTo(tmp.resolve("c")),
        "z.zip", LIMIT)).hasMessageStartingWith("plugin.id 'bad id' in 'z.zip' is not valid");
  }

  @Test
  void versionsCompareAsSemanticVersions() {
    assertThat(PluginArchive.newer("1.10.0", "1.9.0")).isTrue();
    assertThat(PluginArchive.newer("1.0.0", "1.0.0-SNAPSHOT")).isTrue();
    assertThat(PluginArchive.newer("1.0.0", "1.0.0")).isFalse();
    assertThat(PluginArchive.newer("junk", "1.0.0")).isFalse();
  }
}
