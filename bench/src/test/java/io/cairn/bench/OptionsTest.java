package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.bench.Options.Benchmark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaultsRunEverythingOnAMillionRows() {
    Options o = Options.parse("--root", "/src/cairn");
    assertThat(o.rows()).isEqualTo(1_000_000);
    assertThat(o.only()).containsExactlyInAnyOrder(Benchmark.values());
    assertThat(o.starts()).isEqualTo(3);
    assertThat(o.installs()).isEqualTo(5);
    assertThat(o.reportFile()).isEqualTo(Path.of("/src/cairn/bench/target/bench-report.json"));
    assertThat(o.partitions()).isEqualTo(1);
    assertThat(o.consumers()).isEqualTo(1);
  }

  @Test
  void kafkaConsumersDefaultToThePartitions() {
    assertThat(Options.parse("--root", "/r", "--partitions", "4").consumers()).isEqualTo(4);
    assertThat(Options.parse("--root", "/r", "--partitions", "64").consumers()).isEqualTo(32);
    Options o = Options.parse("--root", "/r", "--partitions=4", "--consumers", "2");
    assertThat(o.partitions()).isEqualTo(4);
    assertThat(o.consumers()).isEqualTo(2);
    assertThatThrownBy(() -> Options.parse("--root", "/r", "--consumers", "0")).hasMessageContaining("positive");
  }

  @Test
  void valuesMayFollowOrBeJoinedWithEquals() {
    Options o = Options.parse("--root=/src/cairn", "--rows", "2,000", "--only=flow", "--only", "plugin",
        "--db-url", "jdbc:postgresql://db:5432/x?ssl=false");
    assertThat(o.rows()).isEqualTo(2000);
    assertThat(o.only()).containsExactlyInAnyOrder(Benchmark.FLOW, Benchmark.PLUGIN);
    assertThat(o.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/x?ssl=false");
  }

  @Test
  void mistakesAreExplained() {
    assertThatThrownBy(() -> Options.parse("--root", "/r", "--rows", "0")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Options.parse("--root", "/r", "--only", "disk")).hasMessageContaining("flow, start");
    assertThatThrownBy(() -> Options.parse("--root", "/r", "--rows")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Options.parse("--root", "/r", "--fast")).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> Options.parse("--root", "/r", "--db-url", "jdbc:h2:mem:x"))
        .hasMessageContaining("jdbc:postgresql:");
  }
}
